/* One segment per planned session, coloured by phase, filled when attended. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-phase-bar.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-palette.h"

#define SEGMENT_WIDTH 26
#define SEGMENT_HEIGHT 10
#define SEGMENT_GAP 4
#define MAX_SEGMENTS 99

typedef enum
{
  SEGMENT_PLANNED,
  SEGMENT_ATTENDED,
  SEGMENT_MISSED,
} SegmentState;

struct _IptPhaseBar
{
  GtkWidget     parent_instance;

  guint         n_segments;
  IptPhase      phases[MAX_SEGMENTS];
  SegmentState  states[MAX_SEGMENTS];
};

G_DEFINE_FINAL_TYPE (IptPhaseBar, ipt_phase_bar, GTK_TYPE_WIDGET)

/* The phases' colours of the palette, as the chart's bands have them. */
static void
phase_color (GtkWidget *widget,
             IptPhase   phase,
             GdkRGBA   *rgba)
{
  *rgba = _ipt_rgba_from_palette (ipt_palette_phase (phase, _ipt_widget_is_dark (widget)));
}

static void
ipt_phase_bar_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IptPhaseBar *self = IPT_PHASE_BAR (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int n = self->n_segments;
      /* Segments shrink down to 8 px before the bar asks for more room. */
      *minimum = n > 0 ? n * 8 + (n - 1) * 2 : 0;
      *natural = n > 0 ? n * SEGMENT_WIDTH + (n - 1) * SEGMENT_GAP : 0;
    }
  else
    {
      *minimum = *natural = SEGMENT_HEIGHT;
    }
}

static void
ipt_phase_bar_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IptPhaseBar *self = IPT_PHASE_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float gap;
  float segment;
  float y = (height - SEGMENT_HEIGHT) / 2.0f;

  if (self->n_segments == 0)
    return;

  gap = width >= (int) (self->n_segments * SEGMENT_WIDTH + (self->n_segments - 1) * SEGMENT_GAP)
        ? SEGMENT_GAP : 2;
  segment = (width - gap * (self->n_segments - 1)) / (float) self->n_segments;
  segment = MIN (segment, SEGMENT_WIDTH);

  for (guint i = 0; i < self->n_segments; i++)
    {
      GskRoundedRect rect;
      GdkRGBA color;
      float x = i * (segment + gap);

      phase_color (widget, self->phases[i], &color);
      if (self->states[i] != SEGMENT_ATTENDED)
        color.alpha = 0.22f;

      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, segment, SEGMENT_HEIGHT), 3);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, segment, SEGMENT_HEIGHT));
      gtk_snapshot_pop (snapshot);

      if (self->states[i] == SEGMENT_MISSED)
        {
          /* A missed session (cancelled, did not attend): an outline in the phase's colour. */
          const float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
          GdkRGBA border;

          phase_color (widget, self->phases[i], &border);
          gtk_snapshot_append_border (snapshot, &rect, widths,
                                      (GdkRGBA[4]) { border, border, border, border });
        }
    }
}

static void
ipt_phase_bar_class_init (IptPhaseBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = ipt_phase_bar_measure;
  widget_class->snapshot = ipt_phase_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "phasebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ipt_phase_bar_init (IptPhaseBar *self)
{
}

GtkWidget *
ipt_phase_bar_new (void)
{
  return g_object_new (IPT_TYPE_PHASE_BAR, NULL);
}

void
ipt_phase_bar_set_course (IptPhaseBar *self,
                          IptEpisode  *episode,
                          GPtrArray   *sessions)
{
  g_autoptr(IptCourseMap) course = NULL;
  const IptAppointment *appointments;
  const IptAppointmentPlace *places;
  guint planned;
  guint n_attended = 0;
  g_autofree char *description = NULL;

  g_return_if_fail (IPT_IS_PHASE_BAR (self));

  self->n_segments = 0;
  if (episode == NULL)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  /* One segment per appointment, in the phase the model gives it (missed appointments use up
   * no session of the contract), then the sessions the contract has left. */
  planned = ipt_episode_get_planned_sessions (episode);
  course = ipt_course_map_new_for_episode (episode, sessions);
  appointments = ipt_course_map_get_appointments (course);
  places = ipt_course_map_get_places (course);
  n_attended = ipt_course_map_get_attended (course);
  for (guint i = 0; i < ipt_course_map_get_n_appointments (course); i++)
    {
      if (self->n_segments == MAX_SEGMENTS)
        break;
      self->phases[self->n_segments] = places[i].phase;
      self->states[self->n_segments] = appointments[i].attended ? SEGMENT_ATTENDED
                                                                 : SEGMENT_MISSED;
      self->n_segments++;
    }
  if (ipt_episode_get_status (episode) == IPT_EPISODE_STATUS_ACTIVE)
    for (guint k = 1; n_attended + k <= planned && self->n_segments < MAX_SEGMENTS; k++)
      {
        self->phases[self->n_segments] = ipt_course_map_phase_to_come (course, k);
        self->states[self->n_segments] = SEGMENT_PLANNED;
        self->n_segments++;
      }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u planned session attended",
                                              "%u of %u planned sessions attended", planned),
                                 n_attended, planned);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
ipt_phase_bar_get_n_segments (IptPhaseBar *self)
{
  g_return_val_if_fail (IPT_IS_PHASE_BAR (self), 0);

  return self->n_segments;
}

guint
ipt_phase_bar_get_n_filled (IptPhaseBar *self)
{
  guint n = 0;

  g_return_val_if_fail (IPT_IS_PHASE_BAR (self), 0);

  for (guint i = 0; i < self->n_segments; i++)
    if (self->states[i] == SEGMENT_ATTENDED)
      n++;
  return n;
}
