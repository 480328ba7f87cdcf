/* One case on the caseload dashboard: name (or code), focus, where the course stands, its PHQ-9
 * across the phases with the cut-off, every signal with its rule, and the supervision comments. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_CASE_CARD (ipt_case_card_get_type ())
G_DECLARE_FINAL_TYPE (IptCaseCard, ipt_case_card, IPT, CASE_CARD, GtkWidget)

IptCaseCard    *ipt_case_card_new (void);

/* The case shown (property "summary"); store: where its comments are counted (may be NULL). */
void            ipt_case_card_set_summary (IptCaseCard    *self,
                                           IptCaseSummary *summary,
                                           IptStore       *store);
IptCaseSummary *ipt_case_card_get_summary (IptCaseCard *self);

/* TRUE: the card names the case by its code only (review mode; property "codes-only"). */
void            ipt_case_card_set_codes_only (IptCaseCard *self,
                                              gboolean     codes_only);
gboolean        ipt_case_card_get_codes_only (IptCaseCard *self);

/* What the card shows, for tests and assistive technologies. */
const char     *ipt_case_card_get_title (IptCaseCard *self);
const char     *ipt_case_card_get_comments_text (IptCaseCard *self);
/* The badge: every signal that applies, an ended course's named by its outcome. */
const char     *ipt_case_card_get_badge_text (IptCaseCard *self);
/* The line under the rules, when it comes from elsewhere than a store (review mode). */
void            ipt_case_card_set_comments_text (IptCaseCard *self,
                                                 const char  *text);

/* Each signal's rule in a few words, one a line ("Risk: PHQ-9 item 9 = 2 at session 3, not yet
 * reviewed" when several apply), as the card shows them. */
const char     *ipt_case_card_get_rules_text (IptCaseCard *self);
/* Every rule in full, one a line: the tooltip of the rules and the card's accessible
 * description. */
const char     *ipt_case_card_get_rules_in_full (IptCaseCard *self);

G_END_DECLS
