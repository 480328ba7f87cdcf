/* Tests of the demo caseload's IPT work: every focus area worked with its techniques, joint
 * sessions naming who came, disputes whose stage changed, endings with their plan. */
#include "config.h"

#include <glib/gstdio.h>

#include "ipt-demo.h"
#include "ipt-store.h"
#include "ipt-store-casework.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
generate_or_fail (const char *path,
                  guint       n,
                  guint32     seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipt_demo_generate (path, n, seed, &error));
  g_assert_no_error (error);
}

/* The IPT work of the default caseload: every focus area worked with its techniques, joint
 * sessions naming who came, disputes whose stage changed, endings with their plan. */
static void
test_casework (void)
{
  g_autofree char *path = tmp_path ("casework.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(IptStore) store = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  gboolean worked[IPT_FOCUS_INTERPERSONAL_SENSITIVITY + 1] = { FALSE, };
  guint changed_disputes = 0, joint = 0, endings = 0, maintenance = 0, plans = 0;

  generate_or_fail (path, IPT_DEMO_CLIENTS_DEFAULT, IPT_DEMO_SEED_DEFAULT);
  store = ipt_store_open (path, IPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  clients = ipt_store_list_clients (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < clients->len; i++)
    {
      gint64 client_id = ipt_client_get_id (g_ptr_array_index (clients, i));
      g_autoptr(GPtrArray) people = ipt_store_list_people (store, client_id, &error);
      g_autoptr(GPtrArray) episodes = ipt_store_list_episodes (store, client_id, &error);
      g_autoptr(IptInventoryNotes) notes = ipt_store_get_inventory_notes (store, client_id, &error);

      g_assert_no_error (error);
      g_assert_false (ipt_inventory_notes_is_empty (notes));
      for (guint k = 0; k < people->len; k++)
        g_assert_nonnull (ipt_person_get_text (g_ptr_array_index (people, k), IPT_PERSON_TALK_ABOUT));

      for (guint k = 0; k < episodes->len; k++)
        {
          IptEpisode *ep = g_ptr_array_index (episodes, k);
          gint64 id = ipt_episode_get_id (ep);
          g_autoptr(GPtrArray) sessions = ipt_store_list_sessions (store, id, &error);
          g_autoptr(GArray) stages = ipt_store_list_dispute_stages (store, id, FALSE, &error);
          g_autoptr(IptCourseEnding) ending = ipt_store_get_course_ending (store, id, &error);
          g_autoptr(IptMaintenance) contract = ipt_store_get_maintenance (store, id, &error);
          g_autoptr(IptFocusFields) focus = ipt_store_get_focus_fields (store, id, FALSE, &error);

          g_assert_no_error (error);
          g_assert_true (ipt_focus_fields_validate (focus, NULL, IPT_DEMO_REFERENCE_DATE, &error));
          g_assert_no_error (error);

          /* the latest stage change is the dispute's stage */
          if (stages->len > 0)
            {
              g_assert_cmpint (g_array_index (stages, IptDisputeStageChange, stages->len - 1).stage,
                               ==, ipt_episode_get_dispute_stage (ep));
              if (stages->len >= 2
                  && g_array_index (stages, IptDisputeStageChange, 0).stage
                     != g_array_index (stages, IptDisputeStageChange, 1).stage)
                changed_disputes++;
            }

          /* an ended course has its ending, with the status its reason gives */
          if (ipt_episode_get_status (ep) == IPT_EPISODE_STATUS_ACTIVE)
            g_assert_null (ending);
          else
            {
              g_assert_nonnull (ending);
              g_assert_cmpstr (ipt_course_ending_get_end_date (ending), ==, ipt_episode_get_end_date (ep));
              g_assert_cmpint (ipt_course_ending_get_reason (ending) == IPT_END_REASON_DROPPED_OUT, ==,
                               ipt_episode_get_status (ep) == IPT_EPISODE_STATUS_DROPPED_OUT);
              endings++;
              plans += ipt_course_ending_get_text (ending, IPT_ENDING_WARNING_SIGNS) != NULL;
            }
          if (contract != NULL)
            {
              g_assert_cmpstr (ipt_maintenance_get_start_date (contract), >=, ipt_episode_get_end_date (ep));
              maintenance++;
            }

          for (guint s = 0; s < sessions->len; s++)
            {
              IptSession *session = g_ptr_array_index (sessions, s);
              g_autoptr(IptSessionWork) work = ipt_store_get_session_work (store, ipt_session_get_id (session), &error);

              g_assert_no_error (error);
              /* a joint session names who came */
              if (ipt_session_get_attendees (session) != IPT_ATTENDEES_CLIENT_ALONE)
                {
                  g_assert_true (ipt_session_work_has_attendees (work));
                  joint++;
                }
              for (guint t = 0; t < IPT_N_TECHNIQUES; t++)
                if (ipt_session_work_uses_technique (work, t))
                  worked[ipt_episode_get_focus (ep)] = TRUE;
            }
        }
    }

  for (IptFocus f = IPT_FOCUS_GRIEF; f <= IPT_FOCUS_INTERPERSONAL_SENSITIVITY; f++)
    g_assert_true (worked[f]);
  g_assert_cmpuint (changed_disputes, >=, 3);
  g_assert_cmpuint (joint, >=, 3);
  g_assert_cmpuint (endings, >=, 10);
  g_assert_cmpuint (plans, >=, 8);
  g_assert_cmpuint (maintenance, >=, 1);
}


int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("ipt-test-demo-casework-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/casework", test_casework);
  status = g_test_run ();

  path = tmp_path ("casework.sqlite");
  for (guint i = 0; i < 4; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
