/* Checking the good rows of a scores CSV against the casebook: scores, dates, courses. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-import-private.h"

#include <string.h>

#include <glib/gi18n.h>

/* Would storing `row` over a score with (total, items) change it? A row giving the same total
 * without items leaves the answers already recorded as they are. */
gboolean
_ipt_import_row_agrees (ImportContext *ctx,
                        const Row     *row,
                        int            total,
                        const int     *items,
                        guint          n_items)
{
  if (row->total != total)
    return FALSE;
  if (row->n_items == 0)
    return TRUE;
  if (row->n_items != n_items)
    return FALSE;
  return memcmp (row_items (ctx, row), items, n_items * sizeof (int)) == 0;
}

static void
format_score (GString          *out,
              const IptMeasure *measure,
              int               total,
              const int        *items,
              guint             n_items)
{
  guint i;

  if (total == IPT_TOTAL_NONE)
    g_string_append (out, _("no total"));
  else
    g_string_append_printf (out, _("total %d"), total);
  if (n_items == 0)
    return;
  g_string_append (out, _(", items "));
  for (i = 0; i < n_items; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      if (items[i] != IPT_ITEM_MISSING)
        g_string_append_printf (out, "%d", items[i]);
    }
}

/* Compares the good rows with the casebook: changed scores and dates, sessions not attended. */
void
_ipt_import_check_client (ImportContext *ctx,
                          ImportClient  *client)
{
  gboolean replace = (ctx->flags & IPT_IMPORT_REPLACE) != 0;
  guint n, m;

  /* no session before the client's birth */
  for (n = 1; client->birth_date[0] != '\0' && n < client->n_sessions; n++)
    {
      ImportSession *sess = client_session (client, n);

      if (sess != NULL && sess->date[0] != '\0' && strcmp (sess->date, client->birth_date) < 0)
        _ipt_import_add_problem (ctx, sess->date_line,
                                 _("session %u of %s is dated %s, before the client's birth (%s)"),
                                 n, client->label, sess->date, client->birth_date);
    }

  if (client->episode_id == 0)
    return;

  for (n = 1; n <= MAX_SESSION; n++)
    {
      ImportSession *sess = client_session (client, n);

      if (sess == NULL || sess->date[0] == '\0' || sess->id == 0)
        continue;

      if (strcmp (sess->db_date, sess->date) != 0)
        {
          if (replace)
            sess->redate = TRUE;
          else
            _ipt_import_add_problem (ctx, sess->date_line,
                                     _("session %u of %s is dated %s in the casebook, not %s "
                                       "(import with --replace to change it)"),
                                     n, client->label, sess->db_date, sess->date);
        }

      for (m = 0; m < ctx->n_measures; m++)
        {
          Row *row;
          Existing *ex = session_existing (sess, m);

          if (sess->rows[m] == 0)
            continue;
          row = &g_array_index (ctx->rows, Row, sess->rows[m] - 1);

          if (ex != NULL && _ipt_import_row_agrees (ctx, row, ex->total, ex->items, ex->n_items))
            {
              row->action = ACTION_SKIP;
              continue;
            }

          if (!sess->attended)
            {
              _ipt_import_add_problem (ctx, row->line,
                                       _("session %u of %s is recorded as “%s”: scores belong to "
                                         "attended sessions"),
                                       n, client->label, sess->attendance);
              continue;
            }

          if (ex == NULL)
            continue;

          if (replace)
            {
              row->action = ACTION_UPDATE;
            }
          else
            {
              g_autoptr(GString) was = g_string_new (NULL);
              g_autoptr(GString) now = g_string_new (NULL);
              const IptMeasure *measure = ctx->measures[m];

              format_score (was, measure, ex->total, ex->items, ex->n_items);
              format_score (now, measure, row->total, row_items (ctx, row), row->n_items);
              _ipt_import_add_problem (ctx, row->line,
                                       _("%s of %s session %u is already in the casebook with %s, "
                                         "this row has %s (import with --replace to change it)"),
                                       measure->name, client->label, n, was->str, now->str);
            }
        }
    }
}

static int
compare_clients (gconstpointer a,
                 gconstpointer b)
{
  const ImportClient *ca = *(const ImportClient * const *) a;
  const ImportClient *cb = *(const ImportClient * const *) b;

  if (ca->rank != cb->rank)
    return ca->rank < cb->rank ? -1 : 1;
  return ca->course < cb->course ? -1 : ca->course > cb->course ? 1 : 0;
}

/* Clients in the order the file first names them, each one's courses in ascending order: new
 * courses are then created in the order of their ordinals. */
void
_ipt_import_sort_clients (ImportContext *ctx)
{
  g_ptr_array_sort (ctx->client_order, compare_clients);
}

/* A course the casebook does not have yet is created only as the client's next one (after those
 * the file creates before it): ordinals have no gaps. Runs on the sorted, loaded clients. */
void
_ipt_import_check_courses (ImportContext *ctx)
{
  const char *code = NULL;
  guint next = 0;
  guint i;

  for (i = 0; i < ctx->client_order->len; i++)
    {
      ImportClient *client = g_ptr_array_index (ctx->client_order, i);

      if (client->course == 0)
        continue;
      if (code == NULL || strcmp (code, client->code) != 0)
        {
          code = client->code;
          next = client->n_episodes + 1;
        }
      if (client->episode_id != 0)
        continue;
      if (client->course != next)
        {
          _ipt_import_add_problem (ctx, client->first_line,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "course %u of %s cannot be created: %s has %u "
                                                "course, and the next one is course %u",
                                                "course %u of %s cannot be created: %s has %u "
                                                "courses, and the next one is course %u",
                                                next - 1),
                                   client->course, client->code, client->code, next - 1, next);
          continue;
        }
      next++;
    }
}
