/* Editing a course's focus fields (primary and secondary), recording a change of a role
 * dispute's stage at a session, and writing the formulation with the date the client agreed it. */
#pragma once

#include "ipt-form-window.h"
#include "ipt-store.h"

G_BEGIN_DECLS

#define IPT_TYPE_FORMULATION_FORM (ipt_formulation_form_get_type ())
G_DECLARE_FINAL_TYPE (IptFormulationForm, ipt_formulation_form, IPT, FORMULATION_FORM, IptFormWindow)

/* Everything is saved as one step; emits "saved" (the course's id), then closes. */
IptFormulationForm *ipt_formulation_form_new          (GtkWindow          *parent,
                                                       IptStore           *store,
                                                       IptClient          *client,
                                                       IptEpisode         *episode);
gboolean            ipt_formulation_form_get_can_save (IptFormulationForm *self);
/* Chooses the person of a focus (secondary FALSE: the primary) as a click would; 0: none. */
void                ipt_formulation_form_set_person   (IptFormulationForm *self,
                                                       gboolean            secondary,
                                                       gint64              person_id);
/* Types the date of a focus (of death, or of the change of role). */
void                ipt_formulation_form_set_date     (IptFormulationForm *self,
                                                       gboolean            secondary,
                                                       const char         *date);
/* The message shown beside that date, or NULL when none is shown. */
const char         *ipt_formulation_form_get_date_error (IptFormulationForm *self,
                                                         gboolean            secondary);
/* Fills the formulation text as typing would. */
void                ipt_formulation_form_set_formulation (IptFormulationForm *self,
                                                          const char         *text);
/* A change of the primary dispute's stage at session_number (stage NONE: no change). */
void                ipt_formulation_form_set_stage_change (IptFormulationForm *self,
                                                           guint               session_number,
                                                           IptDisputeStage     stage);

G_END_DECLS
