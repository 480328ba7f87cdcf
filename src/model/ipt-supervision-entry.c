/* One entry of a case's supervision log. */
#define G_LOG_DOMAIN "ipt-model"

#include "config.h"

#include "ipt-supervision-entry.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ipt-enums.h"
#include "ipt-session.h"
#include "ipt-date-format.h"

struct _IptSupervisionEntry
{
  GObject parent_instance;

  gint64 id;
  gint64 episode_id;
  char *date;
  GArray *sessions;   /* guint, ascending, unique */
  guint recordings_reviewed;
  char *action_points;
  char *author;
  char *created_at;
  char *uid;
};

G_DEFINE_FINAL_TYPE (IptSupervisionEntry, ipt_supervision_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_EPISODE_ID,
  PROP_DATE,
  PROP_SESSIONS_TEXT,
  PROP_RECORDINGS_REVIEWED,
  PROP_ACTION_POINTS,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_UID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipt_supervision_entry_finalize (GObject *object)
{
  IptSupervisionEntry *self = (IptSupervisionEntry *) object;

  g_free (self->date);
  g_array_unref (self->sessions);
  g_free (self->action_points);
  g_free (self->author);
  g_free (self->created_at);
  g_free (self->uid);

  G_OBJECT_CLASS (ipt_supervision_entry_parent_class)->finalize (object);
}

static void
ipt_supervision_entry_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  IptSupervisionEntry *self = IPT_SUPERVISION_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EPISODE_ID:
      g_value_set_int64 (value, self->episode_id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_SESSIONS_TEXT:
      g_value_take_string (value, ipt_supervision_entry_get_sessions_text (self));
      break;
    case PROP_RECORDINGS_REVIEWED:
      g_value_set_uint (value, self->recordings_reviewed);
      break;
    case PROP_ACTION_POINTS:
      g_value_set_string (value, self->action_points);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_supervision_entry_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  IptSupervisionEntry *self = IPT_SUPERVISION_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      ipt_supervision_entry_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_EPISODE_ID:
      ipt_supervision_entry_set_episode_id (self, g_value_get_int64 (value));
      break;
    case PROP_DATE:
      ipt_supervision_entry_set_date (self, g_value_get_string (value));
      break;
    case PROP_SESSIONS_TEXT:
      if (!ipt_supervision_entry_set_sessions_text (self, g_value_get_string (value)))
        g_warning ("Not a list of session numbers: %s", g_value_get_string (value));
      break;
    case PROP_RECORDINGS_REVIEWED:
      ipt_supervision_entry_set_recordings_reviewed (self, g_value_get_uint (value));
      break;
    case PROP_ACTION_POINTS:
      ipt_supervision_entry_set_action_points (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      ipt_supervision_entry_set_author (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      ipt_supervision_entry_set_created_at (self, g_value_get_string (value));
      break;
    case PROP_UID:
      ipt_supervision_entry_set_uid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_supervision_entry_class_init (IptSupervisionEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ipt_supervision_entry_finalize;
  object_class->get_property = ipt_supervision_entry_get_property;
  object_class->set_property = ipt_supervision_entry_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_EPISODE_ID] = g_param_spec_int64 ("episode-id", NULL, NULL,
                                                    0, G_MAXINT64, 0, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_SESSIONS_TEXT] = g_param_spec_string ("sessions-text", NULL, NULL, NULL, rw);
  properties[PROP_RECORDINGS_REVIEWED] = g_param_spec_uint ("recordings-reviewed", NULL, NULL,
                                                            0, G_MAXUINT, 0, rw);
  properties[PROP_ACTION_POINTS] = g_param_spec_string ("action-points", NULL, NULL, NULL, rw);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, rw);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipt_supervision_entry_init (IptSupervisionEntry *self)
{
  self->sessions = g_array_new (FALSE, FALSE, sizeof (guint));
}

IptSupervisionEntry *
ipt_supervision_entry_new (gint64      episode_id,
                           const char *date)
{
  return g_object_new (IPT_TYPE_SUPERVISION_ENTRY,
                       "episode-id", episode_id,
                       "date", date,
                       NULL);
}

gint64
ipt_supervision_entry_get_id (IptSupervisionEntry *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), 0);
  return self->id;
}

void
ipt_supervision_entry_set_id (IptSupervisionEntry *self,
                              gint64               id)
{
  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ipt_supervision_entry_get_episode_id (IptSupervisionEntry *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), 0);
  return self->episode_id;
}

void
ipt_supervision_entry_set_episode_id (IptSupervisionEntry *self,
                                      gint64               episode_id)
{
  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  if (self->episode_id == episode_id)
    return;
  self->episode_id = episode_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPISODE_ID]);
}

static void
set_string (IptSupervisionEntry *self,
            char               **field,
            const char          *value,
            guint                prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
ipt_supervision_entry_get_date (IptSupervisionEntry *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), NULL);
  return self->date;
}

void
ipt_supervision_entry_set_date (IptSupervisionEntry *self,
                                const char          *date)
{
  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  set_string (self, &self->date, date, PROP_DATE);
}

const guint *
ipt_supervision_entry_get_sessions (IptSupervisionEntry *self,
                                    guint               *n_sessions)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), NULL);
  g_return_val_if_fail (n_sessions != NULL, NULL);

  *n_sessions = self->sessions->len;
  return (const guint *) (gpointer) self->sessions->data;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

void
ipt_supervision_entry_set_sessions (IptSupervisionEntry *self,
                                    const guint         *sessions,
                                    guint                n_sessions)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean same;

  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  g_return_if_fail (sessions != NULL || n_sessions == 0);

  if (n_sessions > 0)
    g_array_append_vals (sorted, sessions, n_sessions);
  g_array_sort (sorted, compare_uint);
  for (guint i = 1; i < sorted->len;)
    {
      if (g_array_index (sorted, guint, i) == g_array_index (sorted, guint, i - 1))
        g_array_remove_index (sorted, i);
      else
        i++;
    }

  same = sorted->len == self->sessions->len &&
         (sorted->len == 0 ||
          memcmp (sorted->data, self->sessions->data, sorted->len * sizeof (guint)) == 0);
  if (same)
    return;
  g_array_unref (self->sessions);
  self->sessions = g_steal_pointer (&sorted);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSIONS_TEXT]);
}

char *
ipt_supervision_entry_get_sessions_text (IptSupervisionEntry *self)
{
  GString *text;

  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->sessions->len; i++)
    g_string_append_printf (text, i > 0 ? ",%u" : "%u", g_array_index (self->sessions, guint, i));
  return g_string_free (text, FALSE);
}

gboolean
ipt_supervision_entry_set_sessions_text (IptSupervisionEntry *self,
                                         const char          *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), FALSE);

  if (text == NULL)
    text = "";
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      g_strstrip (parts[i]);
      if (parts[i][0] == '\0' && parts[1] == NULL)
        break;   /* "" or "  ": no sessions */
      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, IPT_SESSION_NUMBER_MAX, &value, NULL))
        return FALSE;
      g_array_append_val (numbers, value);
    }
  ipt_supervision_entry_set_sessions (self, (const guint *) (gpointer) numbers->data,
                                      numbers->len);
  return TRUE;
}

guint
ipt_supervision_entry_get_recordings_reviewed (IptSupervisionEntry *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), 0);
  return self->recordings_reviewed;
}

void
ipt_supervision_entry_set_recordings_reviewed (IptSupervisionEntry *self,
                                               guint                n)
{
  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  if (self->recordings_reviewed == n)
    return;
  self->recordings_reviewed = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDINGS_REVIEWED]);
}

const char *
ipt_supervision_entry_get_action_points (IptSupervisionEntry *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), NULL);
  return self->action_points;
}

void
ipt_supervision_entry_set_action_points (IptSupervisionEntry *self,
                                         const char          *text)
{
  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  set_string (self, &self->action_points, text, PROP_ACTION_POINTS);
}

const char *
ipt_supervision_entry_get_author (IptSupervisionEntry *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), NULL);
  return self->author;
}

void
ipt_supervision_entry_set_author (IptSupervisionEntry *self,
                                  const char          *author)
{
  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  set_string (self, &self->author, author, PROP_AUTHOR);
}

const char *
ipt_supervision_entry_get_created_at (IptSupervisionEntry *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), NULL);
  return self->created_at;
}

void
ipt_supervision_entry_set_created_at (IptSupervisionEntry *self,
                                      const char          *created_at)
{
  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  set_string (self, &self->created_at, created_at, PROP_CREATED_AT);
}

const char *
ipt_supervision_entry_get_uid (IptSupervisionEntry *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), NULL);
  return self->uid;
}

void
ipt_supervision_entry_set_uid (IptSupervisionEntry *self,
                               const char          *uid)
{
  g_return_if_fail (IPT_IS_SUPERVISION_ENTRY (self));
  set_string (self, &self->uid, uid, PROP_UID);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
ipt_supervision_entry_validate (IptSupervisionEntry *self,
                                GError             **error)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ipt_date_is_valid (self->date))
    {
      g_autofree char *format = ipt_date_format_pattern ();

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: the second %s is the format of a date to type (DD.MM.YYYY) */
                   _("The supervision date “%s” is not a date (%s)"),
                   self->date != NULL ? self->date : "", format);
      return FALSE;
    }
  if (self->sessions->len == 0 && self->recordings_reviewed == 0 && is_blank (self->action_points))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A supervision log entry names the sessions discussed, the "
                             "recordings reviewed or the action points"));
      return FALSE;
    }
  return TRUE;
}

void
ipt_supervision_totals_compute (GPtrArray            *entries,
                                IptSupervisionTotals *totals)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (entries != NULL);
  g_return_if_fail (totals != NULL);

  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < entries->len; i++)
    {
      IptSupervisionEntry *entry = g_ptr_array_index (entries, i);

      totals->n_entries++;
      totals->n_recordings_reviewed += entry->recordings_reviewed;
      /* a session discussed at two meetings counts once */
      for (guint j = 0; j < entry->sessions->len; j++)
        {
          char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", entry->episode_id,
                                       g_array_index (entry->sessions, guint, j));

          if (g_hash_table_add (seen, key))
            totals->n_sessions_discussed++;
        }
    }
}

char *
ipt_supervision_entry_describe (IptSupervisionEntry *self)
{
  g_autofree char *sessions = NULL;
  g_autofree char *recordings = NULL;
  g_autofree char *shown = NULL;
  guint n_recordings;

  g_return_val_if_fail (IPT_IS_SUPERVISION_ENTRY (self), NULL);

  sessions = ipt_supervision_entry_get_sessions_text (self);
  n_recordings = ipt_supervision_entry_get_recordings_reviewed (self);
  recordings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recording reviewed",
                                             "%u recordings reviewed", n_recordings),
                                n_recordings);
  shown = ipt_date_format_display (ipt_supervision_entry_get_date (self));
  /* TRANSLATORS: one supervision log entry: its date, the sessions discussed ("3,4") and
   * "2 recordings reviewed" */
  return g_strdup_printf (_("%s: sessions %s discussed, %s"), shown,
                          *sessions != '\0' ? sessions : "–", recordings);
}
