/* One questionnaire of the session editor, shared by ipt-session-editor.c and ipt-measure-form.c. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"

G_BEGIN_DECLS

typedef struct _IptMeasureForm IptMeasureForm;

/* One questionnaire of the form. Widgets belong to the window; this holds the answers. */
struct _IptMeasureForm
{
  void            (*changed) (gpointer user_data);   /* an answer was given or cleared */
  gpointer          user_data;
  const gboolean   *loading;       /* TRUE while stored answers are filled in: no "changed" */
  const IptMeasure *measure;
  int              *values;        /* n_items answers, IPT_ITEM_MISSING when not given */
  GPtrArray        *buttons;       /* per item: a GPtrArray of GtkToggleButton, value min..max */
  GPtrArray        *clear_buttons; /* per item: the GtkButton that clears its answer */
  IptScore         *kept_score;    /* a stored total without item answers, kept unless answered */
  GtkEntry         *total_entry;   /* totals-only measures (n_items 0): the total typed */
  GtkLabel         *total_label;
  GtkLabel         *status_label;
  char             *total_text;
  gboolean          valid;
  gboolean          incomplete;    /* some items answered, not enough for a total: saved so */
  GtkWidget        *widget;        /* the questionnaire's card, owned by the window it is in */
};


/* A card asking the measure's items; `changed` runs after each answer unless *loading. */
IptMeasureForm *_ipt_measure_form_new (const IptMeasure *measure,
                                       const gboolean   *loading,
                                       void            (*changed) (gpointer user_data),
                                       gpointer          user_data);
void            _ipt_measure_form_free (IptMeasureForm *form);
/* Answers an item (IPT_ITEM_MISSING clears it) as a click would, without "changed". */
void            _ipt_measure_form_set_item (IptMeasureForm *form,
                                            guint           item,
                                            int             value);
guint           _ipt_measure_form_n_answered (IptMeasureForm *form);
/* The score the form holds, new, or NULL when the questionnaire was not taken (or is not valid). */
IptScore       *_ipt_measure_form_make_score (IptMeasureForm *form);
/* Types a totals-only measure's total, as the user would ("" clears it), without "changed". */
void            _ipt_measure_form_set_total_text (IptMeasureForm *form,
                                                  const char     *text);
/* Recomputes the total, band and completeness shown. */
void            _ipt_measure_form_update (IptMeasureForm *form);

G_END_DECLS
