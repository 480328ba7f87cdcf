/* Focus fields, a dispute's stages, the formulation, the case-level inventory and the circle. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store-casework.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

#include <string.h>

/* A few columns of one row found by id; FALSE with IPT_STORE_ERROR_NOT_FOUND when none. The
 * statement stays on the row for the caller to read. */
static gboolean
step_one_row (IptStore   *self,
              IptStmt    *stmt,
              const char *what,
              gint64      id,
              GError    **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return _ipt_store_not_found (error, what, id);
  return _ipt_store_fail (self, rc, error);
}

/* The course's focus at a rank, its start date and its client's birth date. */
typedef struct
{
  IptFocus focus;
  gint64   client_id;
  char    *start_date;
  char    *birth_date;
} CourseFacts;

static void
course_facts_clear (CourseFacts *facts)
{
  g_clear_pointer (&facts->start_date, g_free);
  g_clear_pointer (&facts->birth_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CourseFacts, course_facts_clear)

static gboolean
read_course_facts (IptStore    *self,
                   gint64       episode_id,
                   gboolean     secondary,
                   CourseFacts *facts,
                   GError     **error)
{
  g_autoptr(IptStmt) stmt = NULL;

  stmt = _ipt_store_prepare (self,
                             "SELECT e.focus, e.secondary_focus, e.client_id, e.start_date, "
                             "c.birth_date FROM episodes e JOIN clients c ON c.id = e.client_id "
                             "WHERE e.id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  if (!step_one_row (self, stmt, "course", episode_id, error))
    return FALSE;

  facts->focus = IPT_FOCUS_NONE;
  ipt_focus_from_id (COL_TEXT (stmt, secondary ? 1 : 0), &facts->focus);
  facts->client_id = sqlite3_column_int64 (stmt, 2);
  facts->start_date = g_strdup (COL_TEXT (stmt, 3));
  facts->birth_date = g_strdup (COL_TEXT (stmt, 4));
  return TRUE;
}

static gboolean
person_is_clients (IptStore *self,
                   gint64    person_id,
                   gint64    client_id,
                   GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  int rc;

  stmt = _ipt_store_prepare (self, "SELECT client_id FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == client_id)
    return TRUE;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _ipt_store_fail (self, rc, error);

  g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                       _("The person chosen is not in this client’s interpersonal inventory"));
  return FALSE;
}

/* Focus fields */

IptFocusFields *
ipt_store_get_focus_fields (IptStore *self,
                            gint64    episode_id,
                            gboolean  secondary,
                            GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(IptFocusFields) fields = NULL;
  IptDisputeStage stage = IPT_DISPUTE_STAGE_NONE;
  IptFocus focus = IPT_FOCUS_NONE;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             secondary
                             ? "SELECT e.secondary_focus, f.person_id, f.focus_date, f.old_role, "
                               "f.new_role, f.dispute_stage FROM episodes e "
                               "LEFT JOIN secondary_focus_fields f ON f.episode_id = e.id "
                               "WHERE e.id = ?1"
                             : "SELECT focus, focus_person_id, focus_date, old_role, new_role, "
                               "dispute_stage FROM episodes WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  if (!step_one_row (self, stmt, "course", episode_id, error))
    return NULL;

  ipt_focus_from_id (COL_TEXT (stmt, 0), &focus);
  fields = ipt_focus_fields_new (episode_id, secondary, focus);
  ipt_focus_fields_set_person_id (fields, sqlite3_column_int64 (stmt, 1));
  ipt_focus_fields_set_date (fields, COL_TEXT (stmt, 2));
  ipt_focus_fields_set_old_role (fields, COL_TEXT (stmt, 3));
  ipt_focus_fields_set_new_role (fields, COL_TEXT (stmt, 4));
  if (ipt_dispute_stage_from_id (COL_TEXT (stmt, 5), &stage))
    ipt_focus_fields_set_dispute_stage (fields, stage);
  return g_steal_pointer (&fields);
}

static void
bind_stage (IptStmt         *stmt,
            int              index,
            IptDisputeStage  stage)
{
  if (stage == IPT_DISPUTE_STAGE_NONE)
    sqlite3_bind_null (stmt, index);
  else
    _ipt_bind_text (stmt, index, ipt_dispute_stage_to_id (stage));
}

gboolean
ipt_store_save_focus_fields (IptStore        *self,
                             IptFocusFields  *fields,
                             gboolean         us_wording,
                             GError         **error)
{
  g_auto(CourseFacts) facts = { 0, };
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) stmt = NULL;
  gint64 episode_id, person_id;
  gboolean secondary, ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_FOCUS_FIELDS (fields), FALSE);

  episode_id = ipt_focus_fields_get_episode_id (fields);
  secondary = ipt_focus_fields_get_secondary (fields);
  person_id = ipt_focus_fields_get_person_id (fields);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  ok = read_course_facts (self, episode_id, secondary, &facts, error);
  if (ok && facts.focus != ipt_focus_fields_get_focus (fields))
    {
      const char *now = ipt_focus_to_label (facts.focus, us_wording);
      const char *saved = ipt_focus_to_label (ipt_focus_fields_get_focus (fields), us_wording);

      if (facts.focus == IPT_FOCUS_NONE)
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                     secondary
                     /* TRANSLATORS: the course's secondary focus was taken away while its fields
                      * were being edited; %s is the focus they belong to ("Grief") */
                     ? _("The course has no secondary focus now, so the fields of “%s” were not "
                         "saved: choose the focus first")
                     /* TRANSLATORS: the course's focus was taken away while its fields were
                      * being edited; %s is the focus they belong to ("Grief") */
                     : _("The course has no focus now, so the fields of “%s” were not saved: "
                         "choose the focus first"),
                     saved);
      else
        g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_CONFLICT,
                     secondary
                     /* TRANSLATORS: the course's secondary focus changed while its fields were
                      * being edited; the first %s is the focus now ("Role dispute"), the second
                      * the one the fields belong to ("Grief") */
                     ? _("The course’s secondary focus is now “%s”, not “%s”: choose the focus "
                         "first")
                     /* TRANSLATORS: the course's focus changed while its fields were being
                      * edited; the first %s is the focus now ("Role dispute"), the second the
                      * one the fields belong to ("Grief") */
                     : _("The course’s focus is now “%s”, not “%s”: choose the focus first"),
                     now, saved);
      ok = FALSE;
    }
  if (ok && !ipt_focus_fields_validate (fields, facts.birth_date, NULL, &model_error))
    ok = _ipt_store_model_refused (&model_error, error);
  if (ok && person_id != 0)
    ok = person_is_clients (self, person_id, facts.client_id, error);

  if (ok)
    {
      stmt = _ipt_store_prepare (self,
                                 secondary
                                 ? "INSERT INTO secondary_focus_fields (episode_id, person_id, "
                                   "focus_date, old_role, new_role, dispute_stage) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                   "ON CONFLICT (episode_id) DO UPDATE SET "
                                   "person_id = excluded.person_id, "
                                   "focus_date = excluded.focus_date, "
                                   "old_role = excluded.old_role, new_role = excluded.new_role, "
                                   "dispute_stage = excluded.dispute_stage"
                                 : "UPDATE episodes SET focus_person_id = ?2, focus_date = ?3, "
                                   "old_role = ?4, new_role = ?5, dispute_stage = ?6 "
                                   "WHERE id = ?1",
                                 error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, episode_id);
      _ipt_bind_id (stmt, 2, person_id);
      _ipt_bind_optional_text (stmt, 3, ipt_focus_fields_get_date (fields));
      _ipt_bind_optional_text (stmt, 4, ipt_focus_fields_get_old_role (fields));
      _ipt_bind_optional_text (stmt, 5, ipt_focus_fields_get_new_role (fields));
      bind_stage (stmt, 6, ipt_focus_fields_get_dispute_stage (fields));
      ok = _ipt_store_write_row (self, stmt, "course", episode_id, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

/* A dispute's stages */

gboolean
ipt_store_record_dispute_stage (IptStore                     *self,
                                gint64                        episode_id,
                                gboolean                      secondary,
                                const IptDisputeStageChange  *change,
                                GError                      **error)
{
  g_auto(CourseFacts) facts = { 0, };
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (!ipt_dispute_stage_change_validate (change, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  ok = read_course_facts (self, episode_id, secondary, &facts, error);
  if (ok && facts.focus != IPT_FOCUS_ROLE_DISPUTE)
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                           secondary
                           ? _("The course’s secondary focus is not a role dispute: it has no stage")
                           : _("The course’s focus is not a role dispute: it has no stage"));
      ok = FALSE;
    }
  if (ok)
    {
      stmt = _ipt_store_prepare (self,
                                 "INSERT INTO dispute_stage_changes (episode_id, focus_rank, "
                                 "session_number, stage) VALUES (?1, ?2, ?3, ?4) "
                                 "ON CONFLICT DO UPDATE SET stage = excluded.stage",
                                 error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, episode_id);
      sqlite3_bind_int (stmt, 2, secondary ? 2 : 1);
      sqlite3_bind_int (stmt, 3, change->session_number);
      bind_stage (stmt, 4, change->stage);
      ok = _ipt_store_step_done (self, stmt, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
ipt_store_remove_dispute_stage (IptStore *self,
                                gint64    episode_id,
                                gboolean  secondary,
                                guint     session_number,
                                GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  stmt = _ipt_store_prepare (self,
                             "DELETE FROM dispute_stage_changes WHERE episode_id = ?1 "
                             "AND focus_rank = ?2 AND session_number = ?3",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, episode_id);
      sqlite3_bind_int (stmt, 2, secondary ? 2 : 1);
      sqlite3_bind_int (stmt, 3, session_number);
      ok = _ipt_store_write_row (self, stmt, "stage change", episode_id, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

GArray *
ipt_store_list_dispute_stages (IptStore *self,
                               gint64    episode_id,
                               gboolean  secondary,
                               GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GArray) changes = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT session_number, stage FROM dispute_stage_changes "
                             "WHERE episode_id = ?1 AND focus_rank = ?2 ORDER BY session_number",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, episode_id);
  sqlite3_bind_int (stmt, 2, secondary ? 2 : 1);

  changes = g_array_new (FALSE, TRUE, sizeof (IptDisputeStageChange));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IptDisputeStageChange change = { sqlite3_column_int (stmt, 0), IPT_DISPUTE_STAGE_NONE };

      ipt_dispute_stage_from_id (COL_TEXT (stmt, 1), &change.stage);
      g_array_append_val (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

/* Formulation */

gboolean
ipt_store_save_formulation (IptStore   *self,
                            gint64      episode_id,
                            const char *formulation,
                            const char *agreed_on,
                            GError    **error)
{
  g_auto(CourseFacts) facts = { 0, };
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (agreed_on != NULL && *agreed_on == '\0')
    agreed_on = NULL;
  if (formulation != NULL && !g_utf8_validate (formulation, -1, NULL))
    {
      g_set_error_literal (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                           _("The formulation holds bytes that are not text (not UTF-8)"));
      return FALSE;
    }
  if (agreed_on != NULL && !ipt_date_is_valid (agreed_on))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("Date agreed “%s” is not a valid date (YYYY-MM-DD)"), agreed_on);
      return FALSE;
    }
  if (agreed_on != NULL && strcmp (agreed_on, today) > 0)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("Date agreed %s is in the future"), agreed_on);
      return FALSE;
    }

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  ok = read_course_facts (self, episode_id, FALSE, &facts, error);
  if (ok && agreed_on != NULL && strcmp (agreed_on, facts.start_date) < 0)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("Date agreed %s is before the course started (%s)"), agreed_on,
                   facts.start_date);
      ok = FALSE;
    }
  if (ok)
    {
      stmt = _ipt_store_prepare (self,
                                 "UPDATE episodes SET formulation = ?2, agreed_on = ?3 "
                                 "WHERE id = ?1",
                                 error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, episode_id);
      _ipt_bind_optional_text (stmt, 2, formulation);
      _ipt_bind_optional_text (stmt, 3, agreed_on);
      ok = _ipt_store_write_row (self, stmt, "course", episode_id, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

/* The case-level inventory */

IptInventoryNotes *
ipt_store_get_inventory_notes (IptStore *self,
                               gint64    client_id,
                               GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  g_autoptr(IptInventoryNotes) notes = NULL;
  int rc;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  stmt = _ipt_store_prepare (self,
                             "SELECT social_support, confiding, communication_style, "
                             "onset_changes FROM inventory_notes WHERE client_id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  notes = ipt_inventory_notes_new (client_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
        ipt_inventory_notes_set_text (notes, i, COL_TEXT (stmt, i));
    }
  else if (rc != SQLITE_DONE)
    {
      _ipt_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&notes);
}

gboolean
ipt_store_save_inventory_notes (IptStore           *self,
                                IptInventoryNotes  *notes,
                                GError            **error)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(IptStmt) stmt = NULL;
  gboolean empty, ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_INVENTORY_NOTES (notes), FALSE);

  if (!ipt_inventory_notes_validate (notes, &model_error))
    return _ipt_store_model_refused (&model_error, error);
  empty = ipt_inventory_notes_is_empty (notes);

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  stmt = _ipt_store_prepare (self,
                             empty
                             ? "DELETE FROM inventory_notes WHERE client_id = ?1"
                             : "INSERT INTO inventory_notes (client_id, social_support, confiding, "
                               "communication_style, onset_changes) VALUES (?1, ?2, ?3, ?4, ?5) "
                               "ON CONFLICT (client_id) DO UPDATE SET "
                               "social_support = excluded.social_support, "
                               "confiding = excluded.confiding, "
                               "communication_style = excluded.communication_style, "
                               "onset_changes = excluded.onset_changes",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, ipt_inventory_notes_get_client_id (notes));
      if (!empty)
        for (guint i = 0; i < IPT_INVENTORY_N_TEXTS; i++)
          _ipt_bind_optional_text (stmt, 2 + i, ipt_inventory_notes_get_text (notes, i));
      ok = _ipt_store_step_done (self, stmt, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}

/* The closeness circle */

gboolean
ipt_store_move_person (IptStore *self,
                       gint64    person_id,
                       guint     ring,
                       guint     ideal_ring,
                       GError  **error)
{
  g_autoptr(IptStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);

  if (ring < 1 || ring > 3)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("Ring must be 1 (closest) to 3, not %u"), ring);
      return FALSE;
    }
  if (ideal_ring > 3)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("Ideal ring must be 1 (closest) to 3, or not set, not %u"), ideal_ring);
      return FALSE;
    }

  if (!_ipt_store_write_begin (self, error))
    return FALSE;

  stmt = _ipt_store_prepare (self, "UPDATE people SET ring = ?2, ideal_ring = ?3 WHERE id = ?1",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int (stmt, 2, ring);
      _ipt_bind_id (stmt, 3, ideal_ring);
      ok = _ipt_store_write_row (self, stmt, "person", person_id, error);
    }

  return _ipt_store_write_end (self, ok, ok ? error : NULL) && ok;
}
