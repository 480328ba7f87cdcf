/* The whole model layer in one include. */
#pragma once

#include "ipt-enums.h"
#include "ipt-measure.h"
#include "ipt-outcome.h"
#include "ipt-signal.h"
#include "ipt-signal-brief.h"
#include "ipt-search.h"
#include "ipt-client.h"
#include "ipt-episode.h"
#include "ipt-session.h"
#include "ipt-score.h"
#include "ipt-person.h"
#include "ipt-life-event.h"
#include "ipt-goal.h"
#include "ipt-comment.h"
#include "ipt-case-summary.h"
