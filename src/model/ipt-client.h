/* A client of the practice: identity, contact details and the case code. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IPT_TYPE_CLIENT (ipt_client_get_type ())
G_DECLARE_FINAL_TYPE (IptClient, ipt_client, IPT, CLIENT, GObject)

IptClient  *ipt_client_new (const char *code);

gint64      ipt_client_get_id (IptClient *self);
void        ipt_client_set_id (IptClient *self, gint64 id);
const char *ipt_client_get_code (IptClient *self);
void        ipt_client_set_code (IptClient *self, const char *code);
const char *ipt_client_get_given_name (IptClient *self);
void        ipt_client_set_given_name (IptClient *self, const char *given_name);
const char *ipt_client_get_family_name (IptClient *self);
void        ipt_client_set_family_name (IptClient *self, const char *family_name);
const char *ipt_client_get_preferred_name (IptClient *self);
void        ipt_client_set_preferred_name (IptClient *self, const char *preferred_name);
const char *ipt_client_get_birth_date (IptClient *self);   /* ISO 8601 or NULL */
void        ipt_client_set_birth_date (IptClient *self, const char *birth_date);
const char *ipt_client_get_phone (IptClient *self);
void        ipt_client_set_phone (IptClient *self, const char *phone);
const char *ipt_client_get_email (IptClient *self);
void        ipt_client_set_email (IptClient *self, const char *email);
const char *ipt_client_get_referrer (IptClient *self);
void        ipt_client_set_referrer (IptClient *self, const char *referrer);
const char *ipt_client_get_notes (IptClient *self);
void        ipt_client_set_notes (IptClient *self, const char *notes);
gboolean    ipt_client_get_archived (IptClient *self);
void        ipt_client_set_archived (IptClient *self, gboolean archived);
const char *ipt_client_get_created_at (IptClient *self);   /* ISO 8601 date-time, set by the store */
void        ipt_client_set_created_at (IptClient *self, const char *created_at);
const char *ipt_client_get_updated_at (IptClient *self);
void        ipt_client_set_updated_at (IptClient *self, const char *updated_at);

/* "Preferred Family" or "Given Family", or the code when the client has no name (read-only
 * property "display-name", notified when a name changes). */
const char *ipt_client_get_display_name (IptClient *self);

/* A valid case code: 1 to 32 characters of letters, digits, '-' and '_'. */
/* 1 to 32 ASCII letters, digits, '-' or '_', the first a letter or digit. Codes are one and the
 * same whatever their case: "c-0001" is "C-0001" (the store keeps them apart). */
gboolean    ipt_client_code_is_valid (const char *code);

/* Birth years before this one are asked about before they are saved: most likely a slip. */
#define IPT_CLIENT_BIRTH_YEAR_ASK_BEFORE 1900
/* Is this ISO birth date one to ask about (a year before IPT_CLIENT_BIRTH_YEAR_ASK_BEFORE)? */
gboolean    ipt_client_birth_date_is_unlikely (const char *birth_date);

/* A value quoted for a message, cut short when long: "“C-0001”", or "“AAAA…” (10000
 * characters)" beyond IPT_TEXT_QUOTE_MAX_CHARS characters. */
#define IPT_TEXT_QUOTE_MAX_CHARS 40
char       *ipt_text_quote_short (const char *text);
/* Checks the record (code, dates, e-mail shape); sets a translated G_IO_ERROR_INVALID_DATA. */
gboolean    ipt_client_validate (IptClient *self, GError **error);

G_END_DECLS
