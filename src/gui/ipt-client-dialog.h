/* Adding or editing a client: code, names, birth date, contact details, referrer, notes. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_CLIENT_DIALOG (ipt_client_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IptClientDialog, ipt_client_dialog, IPT, CLIENT_DIALOG, IptFormWindow)

/* client NULL: a new client, with suggested_code filled in. Emits "saved" (client id) once the
 * store has the record, then closes. */
IptClientDialog *ipt_client_dialog_new (GtkWindow  *parent,
                                        IptStore   *store,
                                        IptClient  *client,
                                        const char *suggested_code);
gboolean         ipt_client_dialog_get_can_save (IptClientDialog *self);
/* The question asked before saving a birth year before 1900, or NULL (for tests). */
GtkWindow       *_ipt_client_dialog_get_birth_question (IptClientDialog *self);

G_END_DECLS
