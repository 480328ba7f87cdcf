/* The session editor's insides, shared by ipt-session-editor.c, ipt-session-editor-measures.c and
 * ipt-measure-form.c. */
#pragma once

#include <gtk/gtk.h>

#include "ipt-model.h"
#include "ipt-session-editor.h"

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

struct _IptSessionEditor
{
  IptFormWindow  parent_instance;

  IptStore      *store;
  IptEpisode    *episode;
  IptSession    *session;           /* NULL for a new one */
  GPtrArray     *other_numbers;     /* numbers of the course's other sessions (GUINT_TO_POINTER) */
  GArray        *others;            /* the course's other sessions as IptAppointment */
  GPtrArray     *stored_scores;     /* the session's scores as stored (IptScore) */
  GPtrArray     *sessions;          /* the course's sessions (IptSession), for their dates */
  GtkWindow     *date_question;     /* asked before an unusual date is saved */
  gboolean       date_confirmed;    /* the practitioner said to save this date anyway */
  IptSessionSnapshot *deleted;      /* what the deletion took, until the window keeps it */
  GPtrArray     *forms;             /* IptMeasureForm */
  GPtrArray     *task_buttons;      /* GtkCheckButton */
  IptPhase       tasks_phase;
  gboolean       updating;
  gboolean       valid;
  gboolean       load_failed;      /* the stored answers could not be read: no saving */

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkWidget     *save_button;
  GtkWidget     *delete_button;
  GtkInfoBar    *risk_bar;
  GtkLabel      *risk_label;
  GtkSpinButton *number_spin;
  GtkLabel      *number_error;
  GtkEntry      *date_entry;
  GtkLabel      *date_error;
  GtkDropDown   *attendance_dropdown;
  GtkDropDown   *attendees_dropdown;
  IptSessionWorkForm *work_form;
  GtkSpinButton *duration_spin;
  GtkBox        *measures_box;
  GtkLabel      *tasks_title_label;
  GtkBox        *tasks_box;
  GtkTextView   *agenda_view;
  GtkTextView   *events_view;
  GtkTextView   *between_view;
  GtkLabel      *save_error;
};

void            _ipt_session_editor_validate (IptSessionEditor *self);
gboolean        _ipt_session_editor_attended (IptSessionEditor *self);
void            _ipt_session_editor_update_risk (IptSessionEditor *self);
void            _ipt_session_editor_build_forms (IptSessionEditor *self);
IptPhase        _ipt_session_editor_current_phase (IptSessionEditor *self);
void            _ipt_session_editor_build_tasks (IptSessionEditor *self,
                                                 guint             tasks_done);
guint           _ipt_session_editor_tasks_done (IptSessionEditor *self);
GPtrArray      *_ipt_session_editor_build_scores (IptSessionEditor *self);

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
