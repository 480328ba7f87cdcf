/* The demo's scores: where each course starts and ends, the way between, the items of each. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-demo-private.h"

#include <math.h>

/* ---------------------------------------------------------------------------------------------
 * Scores */

void
_ipt_demo_choose_endpoints (ClientBuild *cb, Course *c)
{
  GRand *r = cb->r;
  int p0 = 15, p1 = 8, g0 = 11, g1 = 5;

  if (c->kind == KIND_ACTIVE)
    {
      p0 = rnd (r, 14, 21);
      g0 = rnd (r, 9, 15);
      switch (c->shape)
        {
        case SHAPE_IMPROVING:
          if (c->phase == IPT_PHASE_ASSESSMENT)
            p1 = p0 - rnd (r, 0, 2), g1 = g0 - rnd (r, 0, 2);
          else if (c->phase == IPT_PHASE_MIDDLE)
            p1 = p0 - rnd (r, 6, 8), g1 = g0 - rnd (r, 3, 6);
          else
            p1 = rnd (r, 4, 7), g1 = rnd (r, 3, 6);
          break;
        case SHAPE_STALLING:
          p1 = p0 - rnd (r, 1, 4);
          g1 = g0 - rnd (r, 0, 3);
          break;
        case SHAPE_DETERIORATING:
          p0 = rnd (r, 11, 14);
          p1 = p0 + rnd (r, 6, 8);
          g0 = rnd (r, 8, 11);
          g1 = g0 + rnd (r, 2, 5);
          break;
        case SHAPE_NOISY:
        default:
          p1 = p0 + rnd (r, -3, 1);
          g1 = g0 + rnd (r, -2, 2);
          break;
        }
    }
  else
    {
      switch (c->outcome)
        {
        case IPT_OUTCOME_RELIABLE_RECOVERY:
          p0 = rnd (r, 14, 22), p1 = rnd (r, 3, 8);
          g0 = rnd (r, 9, 16), g1 = rnd (r, 2, 5);
          break;
        case IPT_OUTCOME_RECOVERY:
          p0 = rnd (r, 10, 12), p1 = p0 - rnd (r, 2, 5), p1 = MIN (9, p1);
          g0 = rnd (r, 8, 10), g1 = g0 - rnd (r, 1, 3), g1 = MIN (7, g1);
          break;
        case IPT_OUTCOME_RELIABLE_IMPROVEMENT:
          p0 = rnd (r, 18, 24), p1 = rnd (r, 11, p0 - 6);
          g0 = rnd (r, 10, 17), g1 = g0 - rnd (r, 2, 6), g1 = MAX (0, g1);
          break;
        case IPT_OUTCOME_RELIABLE_DETERIORATION:
          p0 = rnd (r, 10, 15), p1 = p0 + rnd (r, 6, 9);
          g0 = rnd (r, 7, 12), g1 = g0 + rnd (r, 1, 5);
          break;
        case IPT_OUTCOME_NO_RELIABLE_CHANGE:
          p0 = rnd (r, 14, 19), p1 = p0 + rnd (r, -4, 3);
          g0 = rnd (r, 9, 15), g1 = g0 + rnd (r, -3, 3);
          break;
        case IPT_OUTCOME_INSUFFICIENT_DATA:
        default:
          p0 = rnd (r, 15, 22), p1 = p0;
          g0 = rnd (r, 10, 16), g1 = g0;
          break;
        }
    }
  c->phq_first = CLAMP (p0, 0, 24);
  c->phq_last = CLAMP (p1, 0, 24);
  c->gad_first = CLAMP (g0, 0, 21);
  c->gad_last = CLAMP (g1, 0, 21);
}

/* The share of the change reached at t (0 at the first session, 1 at the last). */
static double
shape_at (Shape shape, double t)
{
  switch (shape)
    {
    case SHAPE_IMPROVING:
      return pow (t, 0.8);
    case SHAPE_STALLING:
      return MIN (1.0, t / 0.4);
    case SHAPE_DETERIORATING:
      return pow (t, 1.3);
    case SHAPE_NOISY:
    default:
      return t;
    }
}

int
_ipt_demo_trajectory (GRand *r, Shape shape, int first, int last, double t, gboolean exact,
                      double noise)
{
  double v = first + (last - first) * shape_at (shape, t);

  if (!exact)
    v += (g_rand_double (r) * 2.0 - 1.0) * noise;
  return (int) lround (v);
}

/* Spreads total over items 0..n-1 (each 0..max), one unit at a time by weight. */
static void
spread (GRand *r, int *items, guint n, int max, int total, const double *weights)
{
  double sum;

  for (guint i = 0; i < n; i++)
    items[i] = 0;
  total = CLAMP (total, 0, (int) n * max);
  while (total > 0)
    {
      double x;
      guint i;

      sum = 0;
      for (i = 0; i < n; i++)
        if (items[i] < max)
          sum += weights[i];
      x = g_rand_double (r) * sum;
      for (i = 0; i < n; i++)
        {
          if (items[i] >= max)
            continue;
          if (x < weights[i])
            break;
          x -= weights[i];
        }
      if (i == n)  /* rounding at the very end of the range */
        for (i = n; i-- > 0;)
          if (items[i] < max)
            break;
      items[i]++;
      total--;
    }
}

IptScore *
_ipt_demo_make_phq9 (ClientBuild *cb, int total, int item9)
{
  int items[9];

  total = CLAMP (total, item9, 24 + item9);
  spread (cb->r, items, 8, 3, total - item9, cb->phq_weights);
  items[8] = item9;
  return ipt_score_new_from_items (cb->demo->phq9, items, 9);
}

IptScore *
_ipt_demo_make_gad7 (ClientBuild *cb, int total)
{
  int items[7];

  spread (cb->r, items, 7, 3, CLAMP (total, 0, 21), cb->gad_weights);
  return ipt_score_new_from_items (cb->demo->gad7, items, 7);
}

IptScore *
_ipt_demo_make_wsas (ClientBuild *cb, int phq)
{
  int items[5];
  int total = (int) lround (phq * 1.3 + 2 + (g_rand_double (cb->r) * 6.0 - 3.0));

  spread (cb->r, items, 5, 8, CLAMP (total, 0, 40), cb->wsas_weights);
  return ipt_score_new_from_items (cb->demo->wsas, items, 5);
}
