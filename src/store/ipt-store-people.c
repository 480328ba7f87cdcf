/* Reading and writing the interpersonal inventory: the people in a client's life. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store.h"
#include "ipt-store-private.h"

/* Inventory */

static void
bind_person (IptStmt *stmt,
             gpointer record)
{
  IptPerson *person = record;

  sqlite3_bind_int64 (stmt, 2, ipt_person_get_client_id (person));
  _ipt_bind_text (stmt, 3, ipt_person_get_name (person));
  _ipt_bind_optional_text (stmt, 4, ipt_person_get_relationship (person));
  sqlite3_bind_int (stmt, 5, ipt_person_get_ring (person));
  if (ipt_person_get_ideal_ring (person) > 0)
    sqlite3_bind_int (stmt, 6, ipt_person_get_ideal_ring (person));
  else
    sqlite3_bind_null (stmt, 6);
  _ipt_bind_optional_text (stmt, 7, ipt_person_get_contact (person));
  _ipt_bind_optional_text (stmt, 8, ipt_person_get_satisfying (person));
  _ipt_bind_optional_text (stmt, 9, ipt_person_get_unsatisfying (person));
  _ipt_bind_optional_text (stmt, 10, ipt_person_get_changes_wanted (person));
  sqlite3_bind_int (stmt, 11, ipt_person_get_knows_about_mood (person) ? 1 : 0);
  _ipt_bind_optional_text (stmt, 12, ipt_person_get_text (person, IPT_PERSON_TALK_ABOUT));
  _ipt_bind_optional_text (stmt, 13, ipt_person_get_text (person, IPT_PERSON_CANNOT_TALK_ABOUT));
  _ipt_bind_optional_text (stmt, 14, ipt_person_get_text (person, IPT_PERSON_ARGUMENTS));
  if (ipt_person_get_arguments_resolve (person) != IPT_ARGUMENTS_RESOLVE_UNKNOWN)
    _ipt_bind_text (stmt, 15, ipt_arguments_resolve_to_id (ipt_person_get_arguments_resolve (person)));
  else
    sqlite3_bind_null (stmt, 15);
  sqlite3_bind_int (stmt, 16, ipt_person_get_supportive (person) ? 1 : 0);
  sqlite3_bind_int (stmt, 17, ipt_person_get_confidant (person) ? 1 : 0);
}

gboolean
ipt_store_save_person (IptStore  *self,
                       IptPerson *person,
                       GError   **error)
{
  g_autoptr(GError) model_error = NULL;
  gint64 id;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (IPT_IS_PERSON (person), FALSE);

  if (!ipt_person_validate (person, &model_error))
    return _ipt_store_model_refused (&model_error, error);

  id = ipt_person_get_id (person);
  if (!_ipt_store_save_record (self, &id,
                               "INSERT INTO people (client_id, name, relationship, ring, "
                               "ideal_ring, contact, satisfying, unsatisfying, changes_wanted, "
                               "knows_about_mood, talk_about, cannot_talk_about, arguments, "
                               "arguments_resolve, supportive, confidant) "
                               "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                               "?15, ?16, ?17)",
                               "UPDATE people SET client_id = ?2, name = ?3, relationship = ?4, "
                               "ring = ?5, ideal_ring = ?6, contact = ?7, satisfying = ?8, "
                               "unsatisfying = ?9, changes_wanted = ?10, knows_about_mood = ?11, "
                               "talk_about = ?12, cannot_talk_about = ?13, arguments = ?14, "
                               "arguments_resolve = ?15, supportive = ?16, confidant = ?17 "
                               "WHERE id = ?1",
                               "person", bind_person, person, error))
    return FALSE;

  ipt_person_set_id (person, id);
  return TRUE;
}

gboolean
ipt_store_delete_person (IptStore *self,
                         gint64    person_id,
                         GError  **error)
{
  return _ipt_store_delete_by_id (self, "DELETE FROM people WHERE id = ?1", "person", person_id,
                                  error);
}

static GObject *
person_from_row (IptStmt *stmt)
{
  IptPerson *person = ipt_person_new (sqlite3_column_int64 (stmt, 1), COL_TEXT (stmt, 2),
                                      COL_TEXT (stmt, 3), sqlite3_column_int (stmt, 4));
  IptArgumentsResolve resolve;

  ipt_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  ipt_person_set_ideal_ring (person, sqlite3_column_int (stmt, 5));
  ipt_person_set_contact (person, COL_TEXT (stmt, 6));
  ipt_person_set_satisfying (person, COL_TEXT (stmt, 7));
  ipt_person_set_unsatisfying (person, COL_TEXT (stmt, 8));
  ipt_person_set_changes_wanted (person, COL_TEXT (stmt, 9));
  ipt_person_set_knows_about_mood (person, sqlite3_column_int (stmt, 10) != 0);
  ipt_person_set_text (person, IPT_PERSON_TALK_ABOUT, COL_TEXT (stmt, 11));
  ipt_person_set_text (person, IPT_PERSON_CANNOT_TALK_ABOUT, COL_TEXT (stmt, 12));
  ipt_person_set_text (person, IPT_PERSON_ARGUMENTS, COL_TEXT (stmt, 13));
  if (ipt_arguments_resolve_from_id (COL_TEXT (stmt, 14), &resolve))
    ipt_person_set_arguments_resolve (person, resolve);
  ipt_person_set_supportive (person, sqlite3_column_int (stmt, 15) != 0);
  ipt_person_set_confidant (person, sqlite3_column_int (stmt, 16) != 0);
  return G_OBJECT (person);
}

GPtrArray *
ipt_store_list_people (IptStore *self,
                       gint64    client_id,
                       GError  **error)
{
  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  return _ipt_store_list_by_id (self,
                                "SELECT id, client_id, name, relationship, ring, ideal_ring, "
                                "contact, satisfying, unsatisfying, changes_wanted, "
                                "knows_about_mood, talk_about, cannot_talk_about, arguments, "
                                "arguments_resolve, supportive, confidant "
                                "FROM people WHERE client_id = ?1 ORDER BY id",
                                client_id, person_from_row, error);
}
