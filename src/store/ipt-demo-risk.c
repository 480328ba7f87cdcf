/* The demo caseload's risk reviews: a practitioner reviews a raised risk flag at the session. */
#define G_LOG_DOMAIN "ipt-store"

#include "config.h"

#include "ipt-demo-private.h"

typedef struct
{
  const char *asked;
  const char *done;
  const char *plan;
} ReviewText;

/* Plainly fictional, in the demo's own words (like its notes, not translated). */
static const ReviewText review_texts[] = {
  { "Asked about the thoughts behind item 9: fleeting thoughts that life is not worth living, "
    "no plans, no intent, no means at hand. Protective: her children, her faith.",
    "Safety plan written together: warning signs, people to call, the crisis line number.",
    "Ask item 9 at every session; review the safety plan next week." },
  { "Asked about thoughts of death or self-harm: passive wishes to be asleep and not wake up "
    "after the argument, none since. No history of self-harm.",
    "Talked through who to contact out of hours; the client agreed to call if it returns.",
    "Check at the next session; GP to be told if the thoughts return." },
  { "Asked what the answer to item 9 meant: thoughts on bad evenings of being a burden, no "
    "plan, no intent. Drinking less than last month.",
    "Letter to the GP with the client's agreement; crisis numbers on the phone.",
    "Ask at each session and agree a plan with the GP if the answer rises." },
};

gboolean
_ipt_demo_write_risk_review (ClientBuild *cb,
                             gint64       episode_id,
                             IptSession  *session,
                             GError     **error)
{
  /* The text is chosen without the client's random numbers, which the rest of the demo uses. */
  const ReviewText *text = &review_texts[(cb->index + ipt_session_get_number (session))
                                         % G_N_ELEMENTS (review_texts)];
  g_autoptr(IptRiskReview) review = ipt_risk_review_new (episode_id,
                                                         ipt_session_get_date (session));

  ipt_risk_review_set_asked (review, text->asked);
  ipt_risk_review_set_done (review, text->done);
  ipt_risk_review_set_plan (review, text->plan);
  return ipt_store_save_risk_review (cb->demo->store, review, error);
}
