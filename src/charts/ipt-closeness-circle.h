/* The closeness circle of the interpersonal inventory: the client at the centre, three rings
 * (1 closest), each person on their ring, the focus person marked, an optional ideal placement
 * beside the actual one. Draws on any cairo_t; hit-testing and positions for a widget. */
#pragma once

#include <cairo.h>

#include "ipt-chart-style.h"

G_BEGIN_DECLS

#define IPT_CIRCLE_RINGS 3

/* Whom a person is to the course's focus. TRUE is IPT_CIRCLE_FOCUS_ONLY. */
typedef enum
{
  IPT_CIRCLE_FOCUS_NONE,
  IPT_CIRCLE_FOCUS_ONLY,       /* the person of the focus, the course having one */
  IPT_CIRCLE_FOCUS_MAIN,       /* the person of the main focus, with a secondary one */
  IPT_CIRCLE_FOCUS_SECONDARY,  /* the person of the secondary focus */
} IptCircleFocus;

typedef struct
{
  gint64      id;            /* the caller's id (the inventory's person id) */
  const char *name;          /* shown beside the marker, its first letter inside it */
  const char *relationship;  /* NULL or "": the name alone */
  guint       ring;          /* 1 (closest) to 3; anything else is drawn on ring 3 */
  guint       ideal_ring;    /* 0: none; 1 to 3 */
  IptCircleFocus focus;      /* whether a focus of the course is about the person */
} IptCirclePerson;

typedef struct
{
  gboolean show_ideal;       /* draw each ideal placement that differs from the actual one */
  gint64   selected_id;      /* drawn as selected; 0: none */
} IptCircleOptions;

/* Whom a person is to the focus: focus_ids[0] the main focus's person, focus_ids[1] (when
 * n_focus_ids is 2) the secondary focus's; 0 for none. */
IptCircleFocus ipt_closeness_circle_focus_of (gint64        person_id,
                                              const gint64 *focus_ids,
                                              guint         n_focus_ids);

/* Where a person is drawn, in the units of the render. */
typedef struct
{
  double x;
  double y;
  double radius;             /* of the person's marker */
  double angle;              /* radians, clockwise from the top */
  gboolean has_ideal;        /* an ideal placement is drawn */
  double ideal_x;
  double ideal_y;
} IptCirclePlace;

/* Draws the circle into (0, 0, width, height) of cr; text in style's font. */
void     ipt_closeness_circle_render (cairo_t                *cr,
                                      const IptCirclePerson  *people,
                                      guint                   n_people,
                                      const IptCircleOptions *options,
                                      const IptChartStyle    *style,
                                      double                  width,
                                      double                  height);

/* The place of every person as the render lays them out (places holds n_people). */
/* A box in the picture's coordinates: the top-left corner and the size. */
typedef struct
{
  double x;
  double y;
  double w;
  double h;
} IptCircleBox;

/* As ipt_closeness_circle_render, and says where the texts went (for tests): label_boxes
 * (n_people, or NULL) each person's label; ring_boxes (IPT_CIRCLE_RINGS + 1, or NULL) the ring
 * labels', then a square round the client's disc. */
void     ipt_closeness_circle_render_boxes (cairo_t                *cr,
                                            const IptCirclePerson  *people,
                                            guint                   n_people,
                                            const IptCircleOptions *options,
                                            const IptChartStyle    *style,
                                            double                  width,
                                            double                  height,
                                            IptCircleBox           *label_boxes,
                                            IptCircleBox           *ring_boxes);

void     ipt_closeness_circle_layout (const IptCirclePerson  *people,
                                      guint                   n_people,
                                      const IptCircleOptions *options,
                                      double                  width,
                                      double                  height,
                                      IptCirclePlace         *places);

/* The index of the person whose marker is under (x, y), or -1. */
int      ipt_closeness_circle_hit_test (const IptCirclePerson  *people,
                                        guint                   n_people,
                                        const IptCircleOptions *options,
                                        double                  width,
                                        double                  height,
                                        double                  x,
                                        double                  y);

/* The ring (1 to 3) a point falls in, for dropping a dragged person; 0 outside the circle or
 * on the client at the centre. */
guint    ipt_closeness_circle_ring_at (double width,
                                       double height,
                                       double x,
                                       double y);

/* A person in words, with their ring, for an accessible name or a report:
 * "Jamie, partner: ring 1 (closest), the focus of the course; ideal ring 2". Newly allocated. */
char    *ipt_closeness_circle_describe (const IptCirclePerson *person);

G_END_DECLS
