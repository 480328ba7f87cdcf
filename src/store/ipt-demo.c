/* ipt-demo.c: the demo caseload, a synthetic and plainly fictional practice.
 *
 * Every client is built from one row of a scenario table (round robin, so the first clients
 * cover every focus, phase and outcome) and from a random generator seeded with the seed and the
 * client's index: the same seed and number of clients give the same database, and a smaller demo
 * holds the same first clients as a larger one (only the width of the case codes differs beyond
 * 9,999 clients). Dates are anchored to IPT_DEMO_REFERENCE_DATE, never to the current date.
 *
 * The scenario table fixes what each course shows: focus (and secondary focus, dispute stage),
 * planned length (16, 12, or 8 for brief IPT, with the default phase boundaries), where an
 * active course stands (assessment, middle, end) and how it is going (on track, not on track,
 * deterioration, risk), or how an ended course came out: every outcome category of clinical.md
 * section 5. The first and last PHQ-9 and GAD-7 of a course are drawn from ranges that give
 * exactly that outcome; the sessions between follow a shape (improving, stalling, deteriorating,
 * noisy) with some noise, and every score is written item by item, the items summing to the
 * total. Later rounds of the table vary stage, length and how many active courses need attention.
 *
 * Session numbers count appointments of the contract: a missed appointment (did not attend,
 * cancelled) keeps its number, so a course of 16 with one DNA has 15 attended sessions. The first
 * session, the one where the formulation is agreed and the last one are always attended. PHQ-9
 * and GAD-7 are taken at every attended session, WSAS at the 1st, 5th, 9th, ... attended one.
 *
 * All names, phone numbers (Ofcom's drama ranges 07700 900xxx and 01632 960xxx) and addresses
 * (example.org) are fictional, and every client's note says so. */

#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ipt-demo.h"
#include "ipt-demo-private.h"
#include "ipt-store-private.h"
#include "ipt-store.h"

/* ---------------------------------------------------------------------------------------------
 * Random numbers and dates */

static guint32
julian_from_iso (const char *iso)
{
  GDate d;
  unsigned y, m, dd;

  if (sscanf (iso, "%u-%u-%u", &y, &m, &dd) != 3)
    g_assert_not_reached ();
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, dd, m, y);
  return g_date_get_julian (&d);
}

void
_ipt_demo_iso_from_julian (guint32 julian, char buf[16])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  g_snprintf (buf, 16, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
}

guint32
_ipt_demo_weekday_at_or_before (guint32 julian)
{
  GDate d;
  GDateWeekday w;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  w = g_date_get_weekday (&d);
  if (w == G_DATE_SATURDAY)
    return julian - 1;
  if (w == G_DATE_SUNDAY)
    return julian - 2;
  return julian;
}

/* ---------------------------------------------------------------------------------------------
 * Generating one client */

static void
shuffle (GRand *r, guint *order, guint n)
{
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint k = (guint) g_rand_int_range (r, 0, (gint32) i);
      guint tmp = order[i - 1];

      order[i - 1] = order[k];
      order[k] = tmp;
    }
}

/* The store stamps clients with the current time; the demo stamps them with its own dates so
 * that its content does not depend on when it was generated. */
static gboolean
set_client_times (Demo        *d,
                  gint64       client_id,
                  const char  *created_at,
                  const char  *updated_at,
                  GError     **error)
{
  sqlite3 *db = _ipt_store_get_db (d->store);
  int rc;

  if (d->times_stmt == NULL)
    {
      rc = sqlite3_prepare_v2 (db, "UPDATE clients SET created_at = ?1, updated_at = ?2 WHERE id = ?3",
                               -1, &d->times_stmt, NULL);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
          return FALSE;
        }
    }
  sqlite3_bind_text (d->times_stmt, 1, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (d->times_stmt, 2, updated_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (d->times_stmt, 3, client_id);
  rc = sqlite3_step (d->times_stmt);
  sqlite3_reset (d->times_stmt);
  sqlite3_clear_bindings (d->times_stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static void
init_course (Course *c, const Scenario *s)
{
  memset (c, 0, sizeof *c);
  c->focus = s->focus;
  c->secondary = s->secondary;
  c->stage = s->stage;
  c->planned = s->planned;
  c->kind = s->kind;
  c->phase = s->phase;
  c->outcome = s->outcome;
  c->shape = s->shape;
  c->dropped_after = s->dropped_after;
  c->maintenance = s->maintenance;
  c->risk = s->risk;
  c->joint = s->joint;
  c->miss_number = s->miss_number;
  c->miss = s->miss;
}

static guint32
focus_lead_days (GRand *r, IptFocus focus)
{
  switch (focus)
    {
    case IPT_FOCUS_GRIEF:
      return (guint32) rnd (r, 70, 420);
    case IPT_FOCUS_ROLE_DISPUTE:
      return (guint32) rnd (r, 20, 150);
    case IPT_FOCUS_ROLE_TRANSITION:
      return (guint32) rnd (r, 40, 240);
    case IPT_FOCUS_INTERPERSONAL_SENSITIVITY:
    default:
      return (guint32) rnd (r, 300, 900);
    }
}

static gboolean
generate_client (Demo *d, guint index, guint32 seed, GError **error)
{
  ClientBuild cb;
  guint32 seeds[2] = { seed, index };
  Course *latest;
  Course *prior = NULL;
  guint32 lo, hi;
  guint target;
  gboolean ok = FALSE;
  guint i;

  memset (&cb, 0, sizeof cb);
  cb.demo = d;
  cb.index = index;
  cb.r = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
  cb.scenario = &_ipt_demo_scenarios[index % G_N_ELEMENTS (_ipt_demo_scenarios)];

  cb.given = &_ipt_demo_given_names[d->given_order[index % G_N_ELEMENTS (_ipt_demo_given_names)]];
  cb.family = _ipt_demo_family_names[d->family_order[(index + index / G_N_ELEMENTS (_ipt_demo_given_names)) % G_N_ELEMENTS (_ipt_demo_family_names)]];
  cb.use_preferred = chance (cb.r, 0.6);
  cb.age = (guint) rnd (cb.r, 19, 74);
  for (i = 0; i < 8; i++)
    cb.phq_weights[i] = 0.5 + g_rand_double (cb.r) * 2.0;
  cb.phq_weights[3] += 1.0;  /* tiredness */
  cb.phq_weights[2] += 0.7;  /* sleep */
  cb.phq_weights[7] *= 0.4;  /* psychomotor changes are rarer */
  for (i = 0; i < 7; i++)
    cb.gad_weights[i] = 0.5 + g_rand_double (cb.r) * 2.0;
  for (i = 0; i < 5; i++)
    cb.wsas_weights[i] = 0.6 + g_rand_double (cb.r) * 1.5;

  /* Courses: an earlier one first when the scenario has it. */
  if (cb.scenario->prior_focus != IPT_FOCUS_NONE)
    {
      Scenario ps = { 0 };

      ps.focus = cb.scenario->prior_focus;
      ps.stage = ps.focus == IPT_FOCUS_ROLE_DISPUTE ? IPT_DISPUTE_STAGE_RENEGOTIATION : IPT_DISPUTE_STAGE_NONE;
      ps.planned = chance (cb.r, 0.5) ? 16 : 12;
      ps.kind = KIND_ENDED;
      ps.outcome = cb.scenario->prior_outcome;
      ps.shape = SHAPE_IMPROVING;
      init_course (&cb.courses[cb.n_courses++], &ps);
      prior = &cb.courses[0];
    }
  latest = &cb.courses[cb.n_courses];
  init_course (latest, cb.scenario);
  cb.n_courses++;

  /* Later rounds of the table vary a little. */
  if (index >= G_N_ELEMENTS (_ipt_demo_scenarios))
    {
      if (latest->focus == IPT_FOCUS_ROLE_DISPUTE && chance (cb.r, 0.3))
        latest->stage = (IptDisputeStage) rnd (cb.r, IPT_DISPUTE_STAGE_RENEGOTIATION, IPT_DISPUTE_STAGE_DISSOLUTION);
      if (latest->kind != KIND_DROPPED && chance (cb.r, 0.15))
        latest->planned = latest->planned == 16 ? 12 : 16;
      /* most courses of a caseload go well enough: fewer flags than in the first round */
      if (latest->kind == KIND_ACTIVE && latest->risk == RISK_LATEST && chance (cb.r, 0.6))
        latest->risk = RISK_EARLY;
      if (latest->kind == KIND_ACTIVE && latest->shape != SHAPE_IMPROVING && chance (cb.r, 0.5))
        latest->shape = SHAPE_IMPROVING;
    }

  for (i = 0; i < cb.n_courses; i++)
    {
      _ipt_demo_choose_focus_details (&cb, &cb.courses[i]);
      _ipt_demo_build_schedule (&cb, &cb.courses[i]);
      _ipt_demo_choose_endpoints (&cb, &cb.courses[i]);
    }

  /* When: the latest course, then the earlier one before it. */
  lo = d->earliest;
  if (prior != NULL)
    lo += prior->span + 70;
  hi = d->ref - 10 - latest->span;
  if (cb.scenario->archived)
    hi = hi > lo + 200 ? hi - 200 : lo;
  _ipt_demo_place_course (&cb, latest, lo, hi);
  if (prior != NULL)
    {
      guint32 phi = latest->start - 56 - prior->span;
      _ipt_demo_place_course (&cb, prior, d->earliest, MAX (phi, d->earliest));
    }
  for (i = 0; i < cb.n_courses; i++)
    {
      Course *c = &cb.courses[i];
      guint32 lead = focus_lead_days (cb.r, c->focus);

      c->focus_day = c->start - lead;
      if (c->focus == IPT_FOCUS_ROLE_TRANSITION)
        c->focus_day = _ipt_demo_weekday_at_or_before (c->focus_day);
    }

  /* The rest of the inventory: 3 to 7 people (fewer for interpersonal sensitivity). */
  target = latest->focus == IPT_FOCUS_INTERPERSONAL_SENSITIVITY ? (guint) rnd (cb.r, 3, 4)
                                                                  : (guint) rnd (cb.r, 4, 7);
  for (guint attempt = 0; cb.n_people < target && attempt < 60; attempt++)
    {
      Rel rel = (Rel) g_rand_int_range (cb.r, 0, N_RELS);

      /* loneliness: nobody at home */
      if (latest->focus == IPT_FOCUS_INTERPERSONAL_SENSITIVITY
          && (rel == REL_PARTNER || rel == REL_FLATMATE))
        continue;
      if (_ipt_demo_rel_fits (&cb, rel))
        {
          int k = _ipt_demo_add_person (&cb, rel);

          if (k >= 0 && latest->focus == IPT_FOCUS_INTERPERSONAL_SENSITIVITY)
            {
              cb.people[k].ring = MIN (3, cb.people[k].ring + 1);
              cb.people[k].ideal_ring = cb.people[k].ring - 1;
            }
        }
    }

  {
    Vars v = { 0 };

    v.name = _ipt_demo_client_first_name (&cb);
    if (!_ipt_demo_write_client (&cb, error) || !_ipt_demo_write_people (&cb, &v, error))
      goto out;
  }
  for (i = 0; i < cb.n_courses; i++)
    if (!_ipt_demo_write_course (&cb, &cb.courses[i], error))
      goto out;
  if (!_ipt_demo_write_life_events (&cb, error))
    goto out;

  /* Registered a week or two before the first session; last changed at the latest session. */
  cb.created_day = cb.courses[0].start - (guint32) rnd (cb.r, 5, 20);
  {
    guint32 updated = 0;
    char created[40], changed[40], day[16];
    int hour, minute;

    for (i = 0; i < cb.n_courses; i++)
      {
        Course *c = &cb.courses[i];
        updated = MAX (updated, c->appts[c->n_appts - 1].day);
        updated = MAX (updated, c->end);
      }
    _ipt_demo_iso_from_julian (cb.created_day, day);
    hour = rnd (cb.r, 8, 17);
    minute = rnd (cb.r, 0, 59);
    g_snprintf (created, sizeof created, "%sT%02d:%02d:00.000000Z", day, hour, minute);
    _ipt_demo_iso_from_julian (updated, day);
    hour = rnd (cb.r, 9, 19);
    minute = rnd (cb.r, 0, 59);
    g_snprintf (changed, sizeof changed, "%sT%02d:%02d:00.000000Z", day, hour, minute);
    if (!set_client_times (d, cb.client_id, created, changed, error))
      goto out;
  }

  ok = TRUE;
out:
  g_rand_free (cb.r);
  return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Public */

static void
remove_casebook_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
set_exists (GError    **error,
            const char *path)
{
  g_autofree char *display = g_filename_display_basename (path);

  g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_EXISTS, _("%s already exists"), display);
}

/* Refuses at once, before minutes of work, a name that is taken (a dangling link too). */
static gboolean
check_target_free (const char  *path,
                   GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0)
    {
      set_exists (error, path);
      return FALSE;
    }
  return TRUE;
}

/* An empty file with a hidden name in the target's folder (created 0700 when missing), which the
 * store takes as a new casebook. */
static char *
create_temp_beside (const char  *path,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_path = NULL;
  int fd;

  if (!_ipt_store_ensure_private_dir (dir, error))
    return NULL;

  tmp_path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Could not create a file in %s: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp_path);
}

/* Gives the finished casebook its name, never over a file that appeared meanwhile: a hard link
 * fails when the name is taken. A file system without hard links gets a rename after a check. */
static gboolean
move_into_place (const char  *tmp_path,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
  int saved_errno;

  /* Closing checkpointed the whole caseload into the file and removed its journal. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                   _("Cannot write the demo caseload: its journal could not be merged into it"));
      return FALSE;
    }

  if (link (tmp_path, path) == 0)
    {
      g_unlink (tmp_path);
      return TRUE;
    }
  saved_errno = errno;

  if (saved_errno == EEXIST)
    {
      set_exists (error, path);
      return FALSE;
    }
  if ((saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EOPNOTSUPP ||
       saved_errno == EXDEV) && !g_file_test (path, G_FILE_TEST_EXISTS) &&
      g_rename (tmp_path, path) == 0)
    return TRUE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      set_exists (error, path);
      return FALSE;
    }
  {
    g_autofree char *display = g_filename_display_basename (path);

    g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_FAILED,
                 _("Could not create %s: %s"), display, g_strerror (saved_errno));
  }
  return FALSE;
}

gboolean
ipt_demo_generate (const char  *path,
                   guint        n_clients,
                   guint32      seed,
                   GError     **error)
{
  return ipt_demo_generate_with_progress (path, n_clients, seed, NULL, NULL, error);
}

gboolean
ipt_demo_generate_with_progress (const char       *path,
                                 guint             n_clients,
                                 guint32           seed,
                                 IptProgressFunc   progress,
                                 gpointer          progress_data,
                                 GError          **error)
{
  g_autoptr(IptStore) store = NULL;
  g_autofree char *tmp_path = NULL;
  Demo demo = { 0 };
  guint digits;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_clients < 1 || n_clients > IPT_DEMO_CLIENTS_MAX)
    {
      g_set_error (error, IPT_STORE_ERROR, IPT_STORE_ERROR_INVALID,
                   _("A demo caseload has 1 to %u clients, not %u"), IPT_DEMO_CLIENTS_MAX, n_clients);
      return FALSE;
    }

  demo.phq9 = ipt_measure_lookup ("phq9");
  demo.gad7 = ipt_measure_lookup ("gad7");
  demo.wsas = ipt_measure_lookup ("wsas");
  g_return_val_if_fail (demo.phq9 != NULL && demo.gad7 != NULL && demo.wsas != NULL, FALSE);
  demo.ref = julian_from_iso (IPT_DEMO_REFERENCE_DATE);
  demo.earliest = julian_from_iso ("2025-01-06");
  for (digits = 1; n_clients / (guint) pow (10, digits) > 0; digits++)
    ;
  demo.code_width = MAX (4, digits);
  {
    GRand *r = g_rand_new_with_seed (seed);

    shuffle (r, demo.given_order, G_N_ELEMENTS (_ipt_demo_given_names));
    shuffle (r, demo.family_order, G_N_ELEMENTS (_ipt_demo_family_names));
    shuffle (r, demo.roles_order, G_N_ELEMENTS (_ipt_demo_role_pairs));
    g_rand_free (r);
  }

  /* Built beside the target under a hidden name and moved into place whole at the end: a run
   * that is killed or fails leaves nothing at path, and a retry is not blocked. */
  if (!check_target_free (path, error))
    return FALSE;
  tmp_path = create_temp_beside (path, error);
  if (tmp_path == NULL)
    return FALSE;

  store = ipt_store_open (tmp_path, IPT_STORE_OPEN_NO_BACKUP, error);
  if (store == NULL)
    {
      remove_casebook_files (tmp_path);
      return FALSE;
    }
  demo.store = store;

  /* This connection only writes the demo, in one large transaction: a page cache that holds it
   * and statement journals in memory keep SQLite from spilling pages to disk as it goes. */
  sqlite3_exec (_ipt_store_get_db (store), "PRAGMA cache_size = -262144", NULL, NULL, NULL);
  sqlite3_exec (_ipt_store_get_db (store), "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);

  if (!ipt_store_begin (store, error))
    goto fail;
  for (guint i = 0; i < n_clients; i++)
    {
      if (!generate_client (&demo, i, seed, error))
        {
          g_clear_pointer (&demo.times_stmt, sqlite3_finalize);
          ipt_store_rollback (store);
          goto fail;
        }
      if (progress != NULL)
        progress ((double) (i + 1) / n_clients, progress_data);
    }
  g_clear_pointer (&demo.times_stmt, sqlite3_finalize);
  if (!ipt_store_commit (store, error))
    {
      ipt_store_rollback (store);
      goto fail;
    }
  ipt_store_close (store);
  if (!move_into_place (tmp_path, path, error))
    {
      remove_casebook_files (tmp_path);
      return FALSE;
    }
  return TRUE;

fail:
  g_clear_pointer (&demo.times_stmt, sqlite3_finalize);
  g_prefix_error (error, _("Cannot write the demo caseload: "));
  ipt_store_close (store);
  remove_casebook_files (tmp_path);
  return FALSE;
}
