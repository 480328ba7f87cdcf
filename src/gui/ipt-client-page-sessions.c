/* The Sessions tab of a client's page: its column view, with a factory and a sorter per column. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-client-page.h"

#include <glib/gi18n.h>

#include "ipt-client-page-private.h"
#include "ipt-date-format.h"

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_DATE,
  COLUMN_PHASE,
  COLUMN_ATTENDANCE,
  COLUMN_ATTENDEES,
  COLUMN_PHQ9,
  COLUMN_GAD7,
  COLUMN_WSAS,
  COLUMN_NOTE,
  N_COLUMNS
} Column;

static GPtrArray *
scores_for_session (IptClientPage *self,
                    IptSession    *session)
{
  gint64 id = ipt_session_get_id (session);

  return g_hash_table_lookup (self->scores, &id);
}

static IptScore *
score_for_session (IptClientPage *self,
                   IptSession    *session,
                   const char    *measure_id)
{
  GPtrArray *scores = scores_for_session (self, session);

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      IptScore *score = g_ptr_array_index (scores, i);

      if (g_strcmp0 (ipt_score_get_measure_id (score), measure_id) == 0)
        return score;
    }
  return NULL;
}

/* Columns of the sessions table */

static const char *
column_measure (Column column)
{
  switch (column)
    {
    case COLUMN_PHQ9:
      return "phq9";
    case COLUMN_GAD7:
      return "gad7";
    case COLUMN_WSAS:
      return "wsas";
    default:
      return NULL;
    }
}

static char *
note_excerpt (IptSession *session)
{
  const char *notes[] = {
    ipt_session_get_note_events (session),
    ipt_session_get_note_agenda (session),
    ipt_session_get_note_between (session),
  };

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      if (notes[i] != NULL && *notes[i] != '\0')
        {
          g_autofree char *line = g_strdup (notes[i]);
          char *newline = strchr (line, '\n');

          if (newline != NULL)
            *newline = '\0';
          return g_steal_pointer (&line);
        }
    }
  return g_strdup ("");
}

static char *
column_text (IptClientPage *self,
             IptSession    *session,
             Column         column,
             gboolean      *risk)
{
  *risk = FALSE;

  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup_printf ("%u", ipt_session_get_number (session));
    case COLUMN_DATE:
      return ipt_date_format_display (ipt_session_get_date (session));
    case COLUMN_PHASE:
      return g_strdup (ipt_phase_to_label (ipt_session_get_phase (session)));
    case COLUMN_ATTENDANCE:
      return g_strdup (ipt_attendance_to_label (ipt_session_get_attendance (session)));
    case COLUMN_ATTENDEES:
      {
        gint64 id = ipt_session_get_id (session);
        const char *who = self->attendees != NULL ? g_hash_table_lookup (self->attendees, &id) : NULL;

        if (!ipt_session_get_attended (session))
          return g_strdup ("");
        if (who != NULL)
          /* TRANSLATORS: a joint session and who attended, "With partner: Jamie, partner" */
          return g_strdup_printf (_("%s: %s"),
                                  ipt_attendees_to_label (ipt_session_get_attendees (session)), who);
        return g_strdup (ipt_attendees_to_label (ipt_session_get_attendees (session)));
      }
    case COLUMN_PHQ9:
    case COLUMN_GAD7:
    case COLUMN_WSAS:
      {
        IptScore *score = score_for_session (self, session, column_measure (column));

        if (score == NULL)
          return g_strdup ("");
        *risk = ipt_score_get_risk (score);
        if (!ipt_score_has_total (score))
          return g_strdup (C_("score", "incomplete"));
        if (*risk)
          /* TRANSLATORS: a PHQ-9 total with the risk item answered above 0 */
          return g_strdup_printf (_("%d · risk"), ipt_score_get_total (score));
        /* A WSAS total with one item missing was made from the mean of the others. */
        {
          guint n_items = 0;
          const int *items = ipt_score_get_items (score, &n_items);

          if (ipt_measure_total_is_prorated (ipt_score_get_measure (score), items, n_items))
            /* TRANSLATORS: a WSAS total made with one item missing, rounded half up */
            return g_strdup_printf (_("%d (one item missing, rounded half up)"),
                                    ipt_score_get_total (score));
        }
        /* A total only says nothing about item 9: not "no risk". */
        if (ipt_signal_risk_item_state (ipt_score_get_measure_id (score),
                                        ipt_score_get_risk_item (score), FALSE)
            == IPT_RISK_ITEM_NOT_KNOWN)
          {
            g_autofree char *unknown = ipt_signal_risk_item_not_known_text (
              ipt_score_get_measure_id (score));

            /* TRANSLATORS: a PHQ-9 total, then "item 9 not known" */
            return g_strdup_printf (_("%d · %s"), ipt_score_get_total (score), unknown);
          }
        return g_strdup_printf ("%d", ipt_score_get_total (score));
      }
    case COLUMN_NOTE:
      return note_excerpt (session);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_column_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column <= COLUMN_NUMBER || column_measure (column) ? 1.0 : 0.0);
  if (column == COLUMN_NOTE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
    }
  if (column == COLUMN_NUMBER || column_measure (column) != NULL || column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* Names the table's row (a GtkListItemWidget, which GTK 4.8 leaves named
 * after its type) for screen readers: the cell's parent is the row, and
 * the cell is in the row once it is bound. */
static void
name_row (IptClientPage *self,
          GtkWidget     *label,
          IptSession    *session)
{
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *attendance = NULL;
  g_autofree char *name = NULL;
  gboolean risk;

  /* the rows are children of the column view's list view */
  if (row == NULL || !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    return;
  date = column_text (self, session, COLUMN_DATE, &risk);
  attendance = column_text (self, session, COLUMN_ATTENDANCE, &risk);
  /* TRANSLATORS: the accessible name of a row of the sessions table:
   * the session's number, its date and whether the client attended, e.g.
   * "Session 3, 14 Dec, attended" */
  name = g_strdup_printf (_("Session %u, %s, %s"), ipt_session_get_number (session), date, attendance);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_column_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                IptClientPage            *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  IptSession *session = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;
  gboolean risk;

  text = column_text (self, session, column, &risk);
  gtk_label_set_label (GTK_LABEL (label), text);
  name_row (self, label, session);
  if (risk)
    gtk_widget_add_css_class (label, "risk-text");
  else
    gtk_widget_remove_css_class (label, "risk-text");
  if (!ipt_session_get_attended (session) && column == COLUMN_ATTENDANCE)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static int
compare_totals (IptClientPage *self,
                IptSession    *a,
                IptSession    *b,
                const char    *measure_id)
{
  IptScore *sa = score_for_session (self, a, measure_id);
  IptScore *sb = score_for_session (self, b, measure_id);
  int ta = sa != NULL && ipt_score_has_total (sa) ? ipt_score_get_total (sa) : -1;
  int tb = sb != NULL && ipt_score_has_total (sb) ? ipt_score_get_total (sb) : -1;

  return (ta > tb) - (ta < tb);
}

static int
column_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GtkColumnViewColumn *column_object = GTK_COLUMN_VIEW_COLUMN (user_data);
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column_object), "column"));
  IptClientPage *self = g_object_get_data (G_OBJECT (column_object), "page");
  IptSession *sa = IPT_SESSION ((gpointer) a);
  IptSession *sb = IPT_SESSION ((gpointer) b);
  guint na = ipt_session_get_number (sa);
  guint nb = ipt_session_get_number (sb);
  int result = 0;

  switch (column)
    {
    case COLUMN_NUMBER:
      break;
    case COLUMN_DATE:
      result = g_strcmp0 (ipt_session_get_date (sa), ipt_session_get_date (sb));
      break;
    case COLUMN_PHASE:
      result = (int) ipt_session_get_phase (sa) - (int) ipt_session_get_phase (sb);
      break;
    case COLUMN_ATTENDANCE:
      result = (int) ipt_session_get_attendance (sa) - (int) ipt_session_get_attendance (sb);
      break;
    case COLUMN_ATTENDEES:
      result = (int) ipt_session_get_attendees (sa) - (int) ipt_session_get_attendees (sb);
      break;
    case COLUMN_PHQ9:
    case COLUMN_GAD7:
    case COLUMN_WSAS:
      result = compare_totals (self, sa, sb, column_measure (column));
      break;
    case COLUMN_NOTE:
      {
        g_autofree char *ea = note_excerpt (sa);
        g_autofree char *eb = note_excerpt (sb);
        result = g_utf8_collate (ea, eb);
      }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* Ties by session number, so the order is stable. */
  if (result == 0)
    result = (na > nb) - (na < nb);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

void
_ipt_client_page_add_columns (IptClientPage *self)
{
  const char *titles[N_COLUMNS] = {
    C_("session number column", "No."),
    _("Date"),
    /* TRANSLATORS: column of the sessions table: the phase of the course the session was in */
    _("Phase"),
    /* TRANSLATORS: column of the sessions table: attended, cancelled or did not attend */
    _("Attendance"),
    /* TRANSLATORS: column of the sessions table: client alone, with partner, ... */
    _("Who attended"),
    _("PHQ-9"),
    _("GAD-7"),
    _("WSAS"),
    /* TRANSLATORS: column of the sessions table: the first line of the session's notes */
    _("Note"),
  };
  GtkColumnViewColumn *first = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkCustomSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (on_column_setup), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (on_column_bind), self, 0);

      column = gtk_column_view_column_new (titles[i], g_object_ref (factory));
      g_object_set_data (G_OBJECT (column), "column", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (column), "page", self);
      sorter = gtk_custom_sorter_new (column_compare, column, NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == COLUMN_NOTE)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->sessions_view, column);
      if (first == NULL)
        first = column;
    }

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->session_store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->sessions_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->sessions_view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_sort_by_column (self->sessions_view, first, GTK_SORT_ASCENDING);
}
