/* A client and everything of theirs, taken out of the casebook and written back (Undo). */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-store-snapshot.h"
#include "ipt-store-private.h"

#include <glib/gi18n.h>

typedef struct
{
  IptEpisode *episode;
  GPtrArray  *sessions;   /* IptSession */
  GPtrArray  *scores;     /* per session: GPtrArray of IptScore */
  GPtrArray  *goals;
  GPtrArray  *comments;
} CourseSnapshot;

struct _IptClientSnapshot
{
  IptClient *client;
  GPtrArray *people;
  GPtrArray *events;
  GPtrArray *courses;     /* CourseSnapshot */
  gboolean   restored;
};

static void
course_snapshot_free (CourseSnapshot *course)
{
  g_clear_object (&course->episode);
  g_clear_pointer (&course->sessions, g_ptr_array_unref);
  g_clear_pointer (&course->scores, g_ptr_array_unref);
  g_clear_pointer (&course->goals, g_ptr_array_unref);
  g_clear_pointer (&course->comments, g_ptr_array_unref);
  g_free (course);
}

void
ipt_client_snapshot_free (IptClientSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_object (&snapshot->client);
  g_clear_pointer (&snapshot->people, g_ptr_array_unref);
  g_clear_pointer (&snapshot->events, g_ptr_array_unref);
  g_clear_pointer (&snapshot->courses, g_ptr_array_unref);
  g_free (snapshot);
}

IptClient *
ipt_client_snapshot_get_client (IptClientSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return snapshot->client;
}

static IptClientSnapshot *
read_snapshot (IptStore *store,
               gint64    client_id,
               GError  **error)
{
  g_autoptr(IptClientSnapshot) snapshot = g_new0 (IptClientSnapshot, 1);
  g_autoptr(GPtrArray) episodes = NULL;

  snapshot->courses = g_ptr_array_new_with_free_func ((GDestroyNotify) course_snapshot_free);
  if ((snapshot->client = ipt_store_get_client (store, client_id, error)) == NULL
      || (snapshot->people = ipt_store_list_people (store, client_id, error)) == NULL
      || (snapshot->events = ipt_store_list_life_events (store, client_id, error)) == NULL
      || (episodes = ipt_store_list_episodes (store, client_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < episodes->len; i++)
    {
      IptEpisode *episode = g_ptr_array_index (episodes, i);
      gint64 id = ipt_episode_get_id (episode);
      CourseSnapshot *course = g_new0 (CourseSnapshot, 1);

      g_ptr_array_add (snapshot->courses, course);
      course->episode = g_object_ref (episode);
      course->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      if ((course->sessions = ipt_store_list_sessions (store, id, error)) == NULL
          || (course->goals = ipt_store_list_goals (store, id, error)) == NULL
          || (course->comments = ipt_store_list_comments (store, id, error)) == NULL)
        return NULL;
      for (guint j = 0; j < course->sessions->len; j++)
        {
          IptSession *session = g_ptr_array_index (course->sessions, j);
          GPtrArray *scores = ipt_store_list_session_scores (store, ipt_session_get_id (session),
                                                             error);

          if (scores == NULL)
            return NULL;
          g_ptr_array_add (course->scores, scores);
        }
    }

  return g_steal_pointer (&snapshot);
}

IptClientSnapshot *
ipt_store_take_client (IptStore *self,
                       gint64    client_id,
                       GError  **error)
{
  g_autoptr(IptClientSnapshot) snapshot = NULL;
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), NULL);

  /* Read and deleted in one transaction: what Undo keeps is exactly what went. */
  if (!_ipt_store_write_begin (self, error))
    return NULL;
  snapshot = read_snapshot (self, client_id, error);
  ok = snapshot != NULL && ipt_store_delete_client (self, client_id, error);
  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return NULL;

  return g_steal_pointer (&snapshot);
}

static gint64
map_id (GHashTable *map,
        gint64      old_id)
{
  gint64 *new_id;

  if (old_id == 0)
    return 0;
  new_id = g_hash_table_lookup (map, &old_id);
  return new_id != NULL ? *new_id : 0;
}

static gboolean
write_snapshot (IptStore          *store,
                IptClientSnapshot *snapshot,
                GError           **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gint64 client_id;

  ipt_client_set_id (snapshot->client, 0);
  if (!ipt_store_insert_client (store, snapshot->client, error))
    return FALSE;
  client_id = ipt_client_get_id (snapshot->client);

  for (guint i = 0; i < snapshot->people->len; i++)
    {
      IptPerson *person = g_ptr_array_index (snapshot->people, i);
      gint64 old_id = ipt_person_get_id (person);

      ipt_person_set_id (person, 0);
      ipt_person_set_client_id (person, client_id);
      if (!ipt_store_save_person (store, person, error))
        return FALSE;
      g_hash_table_insert (people, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&(gint64) { ipt_person_get_id (person) }, sizeof (gint64)));
    }

  for (guint i = 0; i < snapshot->events->len; i++)
    {
      IptLifeEvent *event = g_ptr_array_index (snapshot->events, i);

      ipt_life_event_set_id (event, 0);
      ipt_life_event_set_client_id (event, client_id);
      ipt_life_event_set_person_id (event, map_id (people, ipt_life_event_get_person_id (event)));
      if (!ipt_store_save_life_event (store, event, error))
        return FALSE;
    }

  for (guint i = 0; i < snapshot->courses->len; i++)
    {
      CourseSnapshot *course = g_ptr_array_index (snapshot->courses, i);
      IptEpisode *episode = course->episode;
      gint64 episode_id;

      ipt_episode_set_id (episode, 0);
      ipt_episode_set_client_id (episode, client_id);
      ipt_episode_set_focus_person_id (episode,
                                       map_id (people, ipt_episode_get_focus_person_id (episode)));
      if (!ipt_store_insert_episode (store, episode, error))
        return FALSE;
      episode_id = ipt_episode_get_id (episode);

      for (guint j = 0; j < course->sessions->len; j++)
        {
          IptSession *session = g_ptr_array_index (course->sessions, j);
          GPtrArray *scores = g_ptr_array_index (course->scores, j);

          ipt_session_set_id (session, 0);
          ipt_session_set_episode_id (session, episode_id);
          for (guint k = 0; k < scores->len; k++)
            {
              ipt_score_set_id (g_ptr_array_index (scores, k), 0);
              ipt_score_set_session_id (g_ptr_array_index (scores, k), 0);
            }
          if (!ipt_store_save_session (store, session, scores, error))
            return FALSE;
        }
      for (guint j = 0; j < course->goals->len; j++)
        {
          IptGoal *goal = g_ptr_array_index (course->goals, j);

          ipt_goal_set_id (goal, 0);
          ipt_goal_set_episode_id (goal, episode_id);
          if (!ipt_store_save_goal (store, goal, error))
            return FALSE;
        }
      for (guint j = 0; j < course->comments->len; j++)
        {
          IptComment *comment = g_ptr_array_index (course->comments, j);

          ipt_comment_set_id (comment, 0);
          ipt_comment_set_episode_id (comment, episode_id);
          if (!ipt_store_save_comment (store, comment, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
ipt_store_restore_client (IptStore          *self,
                          IptClientSnapshot *snapshot,
                          gint64            *client_id,
                          GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (IPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  /* The records' ids and links are rewritten as they go in: a second try would link wrongly. */
  if (snapshot->restored)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("This deletion was already undone"));
      return FALSE;
    }

  /* One transaction: the client comes back whole or not at all. */
  if (!_ipt_store_write_begin (self, error))
    return FALSE;
  snapshot->restored = TRUE;
  ok = write_snapshot (self, snapshot, error);
  if (!_ipt_store_write_end (self, ok, ok ? error : NULL) || !ok)
    return FALSE;

  if (client_id != NULL)
    *client_id = ipt_client_get_id (snapshot->client);
  return TRUE;
}
