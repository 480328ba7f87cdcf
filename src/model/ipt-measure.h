/* The registry of outcome measures (clinical.md section 4): items, bands, caseness, RCI, risk. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An item answer that was not given. */
#define IPT_ITEM_MISSING (-1)
/* A total that cannot be computed (too many missing items). */
#define IPT_TOTAL_NONE (-1)

typedef struct
{
  int         min;
  int         max;
  const char *label;   /* untranslated (N_); use ipt_measure_band_label () */
} IptBand;

typedef struct
{
  const char *topic;   /* short topic label, untranslated (N_) */
  const char *text;    /* full item wording where free to ship, else NULL */
  int         min;
  int         max;
} IptMeasureItem;

typedef enum
{
  IPT_MISSING_RULE_NONE,        /* any missing item: no total */
  IPT_MISSING_RULE_PRORATE_ONE, /* one missing item takes the mean of the others (WSAS) */
} IptMissingRule;

typedef struct
{
  const char           *id;            /* "phq9" */
  const char           *name;          /* "PHQ-9" */
  const char           *version;       /* stored with each score */
  const char           *description;   /* untranslated (N_) */
  const char           *timeframe;     /* untranslated (N_), e.g. "Over the last 2 weeks" */
  guint                 n_items;       /* 0: totals only (copyrighted wording) */
  const IptMeasureItem *items;
  const char * const   *scale_labels;  /* words for each answer value, NULL-terminated, or NULL */
  int                   total_min;
  int                   total_max;
  guint                 n_bands;
  const IptBand        *bands;
  int                   caseness;      /* a total >= caseness is a case; -1: no caseness */
  int                   rci;           /* reliable change index; 0: none */
  int                   risk_item;     /* 0-based index of the risk item; -1: none */
  IptMissingRule        missing_rule;
} IptMeasure;

guint             ipt_measure_get_n_measures (void);
const IptMeasure *ipt_measure_get_nth (guint index);
const IptMeasure *ipt_measure_lookup (const char *id);

/* Computes the total from item answers (IPT_ITEM_MISSING for a missing one), applying the
 * measure's missing-item rule; returns IPT_TOTAL_NONE when no total is allowed. Answers out of
 * range also give IPT_TOTAL_NONE: validate first to learn why. */
int      ipt_measure_compute_total (const IptMeasure *measure,
                                    const int        *items,
                                    guint             n_items);
/* Did the total of these answers take a missing item as the mean of the others (WSAS, one item
 * missing), rounded half up? */
gboolean ipt_measure_total_is_prorated (const IptMeasure *measure,
                                        const int        *items,
                                        guint             n_items);
/* What a total shown for such answers says about it, translated:
 * "one item missing: the mean of the others, rounded half up"; NULL when not prorated. */
char    *ipt_measure_describe_prorated (const IptMeasure *measure,
                                        const int        *items,
                                        guint             n_items);

/* Checks the answers: count, ranges. Missing answers are allowed here. Sets a translated
 * message in G_IO_ERROR_INVALID_DATA on failure. */
gboolean ipt_measure_validate_items (const IptMeasure *measure,
                                     const int        *items,
                                     guint             n_items,
                                     GError          **error);

gboolean       ipt_measure_total_in_range (const IptMeasure *measure,
                                           int               total);
const IptBand *ipt_measure_band_for_total (const IptMeasure *measure,
                                           int               total);
/* Translated band label ("moderately severe"), NULL when the total has no band. */
const char    *ipt_measure_band_label (const IptMeasure *measure,
                                       int               total);
gboolean       ipt_measure_has_caseness (const IptMeasure *measure);
gboolean       ipt_measure_is_case (const IptMeasure *measure,
                                    int               total);
/* Is the risk item answered above 0? FALSE when the measure has none or it is missing. */
gboolean       ipt_measure_items_flag_risk (const IptMeasure *measure,
                                            const int        *items,
                                            guint             n_items);

/* An item's text as shown to the client (its topic when the measure has no item texts), and the
 * words of an answer (NULL when the scale has none for that value), translated. The wording of a
 * validated instrument (PHQ-9, GAD-7) is translated only when the catalogue holds the whole
 * published translation; otherwise it stays in English. */
const char    *ipt_measure_item_text (const IptMeasure *measure,
                                      guint             item);
const char    *ipt_measure_scale_label (const IptMeasure *measure,
                                        int               value);
/* TRUE for measures whose wording is a validated instrument. */
gboolean       ipt_measure_has_validated_wording (const IptMeasure *measure);
/* TRUE when the validated wording is shown in the user's language, FALSE when in English. */
gboolean       ipt_measure_wording_is_translated (const IptMeasure *measure);

G_END_DECLS
