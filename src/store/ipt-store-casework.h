/* The IPT work of a case in the casebook: focus fields and a dispute's stages, formulation,
 * the case-level inventory, the closeness circle, session work by technique and who attended,
 * ending a course, maintenance contracts and earlier courses. Each call is one transaction
 * (or a savepoint inside ipt_store_begin); what the model refuses is refused with its message. */
#pragma once

#include "ipt-store.h"

G_BEGIN_DECLS

/* Focus fields. The primary focus's fields are the course's own (episodes); the secondary's
 * have their table. get returns the fields of the focus the course has at that rank (focus
 * IPT_FOCUS_NONE when there is none). save checks them against the client's birth date and
 * today, and that the person is in the client's inventory; us_wording names the foci of its
 * errors as the practitioner chose ("Interpersonal deficits"). */
IptFocusFields *ipt_store_get_focus_fields (IptStore *self, gint64 episode_id, gboolean secondary,
                                            GError **error);
gboolean        ipt_store_save_focus_fields (IptStore *self, IptFocusFields *fields,
                                             gboolean us_wording, GError **error);

/* A role dispute's stage changed at a session (one change per session, a second replaces the
 * first); the focus's current stage follows the latest change. Refused unless that focus is a
 * role dispute. */
gboolean ipt_store_record_dispute_stage (IptStore *self, gint64 episode_id, gboolean secondary,
                                         const IptDisputeStageChange *change, GError **error);
gboolean ipt_store_remove_dispute_stage (IptStore *self, gint64 episode_id, gboolean secondary,
                                         guint session_number, GError **error);
/* By session number, elements IptDisputeStageChange. */
GArray  *ipt_store_list_dispute_stages (IptStore *self, gint64 episode_id, gboolean secondary,
                                        GError **error);

/* The formulation text and the date the client agreed it (NULL: not yet agreed); the date is
 * neither before the course started nor after today. */
gboolean ipt_store_save_formulation (IptStore *self, gint64 episode_id, const char *formulation,
                                     const char *agreed_on, GError **error);

/* The case-level inventory; get returns empty notes when none were written. Saving empty notes
 * removes them. */
IptInventoryNotes *ipt_store_get_inventory_notes (IptStore *self, gint64 client_id, GError **error);
gboolean           ipt_store_save_inventory_notes (IptStore *self, IptInventoryNotes *notes,
                                                   GError **error);

/* Moves a person of the inventory on the closeness circle: ring 1 to 3, ideal_ring 0 (none) to
 * 3. Only these two fields change. */
gboolean ipt_store_move_person (IptStore *self, gint64 person_id, guint ring, guint ideal_ring,
                                GError **error);

/* Session work: the technique sections and who attended; get returns empty work for a session
 * without any. save replaces both at once; attendees are refused for a session with the client
 * alone, and must be the client's own people. */
IptSessionWork *ipt_store_get_session_work (IptStore *self, gint64 session_id, GError **error);
gboolean        ipt_store_save_session_work (IptStore *self, IptSessionWork *work, GError **error);
/* Who attended the sessions of a course, by session number then as given; elements
 * IptAttendee (name and relationship read from the inventory, or the words given). */
GPtrArray      *ipt_store_list_course_attendees (IptStore *self, gint64 episode_id, GError **error);

/* Goal ratings at one session, for a form that shows every goal of the course there. */
typedef struct
{
  gint64 goal_id;
  int    rating;     /* 0 to 10, or IPT_GOAL_RATING_NONE: not rated at that session */
} IptSessionGoalRating;

/* Every goal of the course with its rating at session_number, in the goals' order. */
GArray  *ipt_store_list_session_goal_ratings (IptStore *self, gint64 episode_id,
                                              guint session_number, GError **error);
/* Sets the ratings of several goals at one session as one step: all or none. Each goal must be
 * one of the course's; IPT_GOAL_RATING_NONE removes that goal's rating at the session. */
gboolean ipt_store_save_session_goal_ratings (IptStore *self, gint64 episode_id,
                                              guint session_number,
                                              const IptSessionGoalRating *ratings,
                                              guint n_ratings, GError **error);

/* Ending a course: status (ended, or dropped out for that reason), end date and the ending
 * record, one step. Refused unless the course is running. reopen is its undo: the course runs
 * again as before; refused once a maintenance contract or a later course follows it. */
gboolean         ipt_store_end_course (IptStore *self, IptCourseEnding *ending, GError **error);
gboolean         ipt_store_reopen_course (IptStore *self, gint64 episode_id, GError **error);
/* NULL without error when the course has no ending record. */
IptCourseEnding *ipt_store_get_course_ending (IptStore *self, gint64 episode_id, GError **error);

/* A maintenance contract after a course that ended (not dropped out), from its end date on,
 * one step; cancel is its undo, refused once a session was recorded after the course's end. */
gboolean         ipt_store_start_maintenance (IptStore *self, IptMaintenance *contract, GError **error);
gboolean         ipt_store_cancel_maintenance (IptStore *self, gint64 episode_id, GError **error);
/* NULL without error when the course has none. */
IptMaintenance  *ipt_store_get_maintenance (IptStore *self, gint64 episode_id, GError **error);

/* Starts a client's next course (the first, or one after the latest has ended); refused while
 * the latest still runs. The ordinal is set as by ipt_store_insert_episode. */
gboolean         ipt_store_start_course (IptStore *self, IptEpisode *episode, GError **error);
/* The client's courses before the latest one, by ordinal; elements IptEpisode. */
GPtrArray       *ipt_store_list_earlier_courses (IptStore *self, gint64 client_id, GError **error);

G_END_DECLS
