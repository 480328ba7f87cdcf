/* A case card of the caseload dashboard. */

#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-case-card.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-preferences.h"
#include "ipt-sparkline.h"
#include "ipt-store-supervision.h"

struct _IptCaseCard
{
  GtkWidget       parent_instance;

  IptCaseSummary *summary;
  gboolean        codes_only;
  gboolean        us_wording;
  char           *comments_text;
  char           *rules;          /* every signal's rule in full, one a line */

  /* template children */
  GtkWidget      *stripe;
  GtkLabel       *title_label;
  GtkLabel       *focus_label;
  GtkLabel       *progress_label;
  IptSparkline   *sparkline;
  GtkLabel       *badge_label;
  GtkLabel       *rules_label;
  GtkLabel       *comments_label;
};

G_DEFINE_FINAL_TYPE (IptCaseCard, ipt_case_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_CODES_ONLY,
  PROP_US_WORDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "2 supervision comments · 3 sessions rated · 1 new", or "No supervision comments". */
static char *
comments_text (IptStore *store,
               gint64    episode_id)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint unread;

  if (!ipt_store_list_merged_supervision (store, episode_id, &comments, &reviews, &entries,
                                          &error))
    {
      g_warning ("Cannot count the comments of course %" G_GINT64_FORMAT ": %s",
                 episode_id, error->message);
      return NULL;
    }
  unread = ipt_store_count_unread_supervision (store, episode_id, NULL);

  if (comments->len == 0 && reviews->len == 0)
    return g_strdup (_("No supervision comments"));

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments",
                                             comments->len), comments->len);
  if (reviews->len > 0)
    {
      /* TRANSLATORS: joins parts of a case card's line: "2 comments · 3 sessions rated" */
      g_string_append (text, _(" · "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u session rated",
                                                 "%u sessions rated", reviews->len),
                              reviews->len);
    }
  if (unread > 0)
    {
      g_string_append (text, _(" · "));
      /* TRANSLATORS: supervision comments, ratings or log entries merged and not yet seen */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", unread),
                              unread);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A signal's word on the badge; an ended course's names its outcome ("Reliable recovery"). */
static const char *
badge_word (IptCaseSummary *summary,
            IptSignalKind   kind)
{
  const IptOutcome *outcome;

  if (kind != IPT_SIGNAL_OUTCOME)
    return ipt_signal_kind_to_label (kind);
  outcome = ipt_case_summary_get_outcome (summary);
  return outcome != NULL ? ipt_outcome_category_to_label (outcome->category)
                         : ipt_signal_kind_to_label (kind);
}

static void
update_comments (IptCaseCard *self)
{
  g_autofree char *accessible = NULL;
  const char *text = self->comments_text != NULL ? self->comments_text : "";

  gtk_label_set_label (self->comments_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->comments_label), self->comments_text != NULL);
  if (self->summary == NULL)
    return;

  accessible = g_strjoin (", ", gtk_label_get_label (self->title_label),
                          gtk_label_get_label (self->focus_label),
                          gtk_label_get_label (self->progress_label),
                          gtk_label_get_label (self->badge_label),
                          gtk_label_get_label (self->rules_label), text, NULL);
  /* The rules in full, as the tooltip gives them. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->rules != NULL ? self->rules : "",
                                  -1);
}

static void
update (IptCaseCard *self,
        IptStore    *store)
{
  IptClient *client;
  IptEpisode *episode;
  IptSignalKind kind;
  IptSignalKind kinds[IPT_SIGNALS_MAX_APPLYING];
  g_auto(GStrv) briefs = NULL;
  g_autoptr(GString) lines = NULL;
  g_autofree char *focus = NULL;
  g_autoptr(GString) badge = NULL;
  const char *title;
  guint n_kinds;

  g_clear_pointer (&self->comments_text, g_free);
  g_clear_pointer (&self->rules, g_free);
  if (self->summary == NULL)
    return;

  client = ipt_case_summary_get_client (self->summary);
  episode = ipt_case_summary_get_episode (self->summary);
  kind = ipt_case_summary_get_signal_kind (self->summary);

  title = self->codes_only ? ipt_client_get_code (client) : ipt_client_get_display_name (client);
  gtk_label_set_label (self->title_label, title);
  focus = _ipt_focus_text (episode, self->us_wording);
  gtk_label_set_label (self->focus_label, focus);
  gtk_label_set_label (self->progress_label, episode != NULL
                       ? ipt_case_summary_get_progress_text (self->summary) : "");
  ipt_sparkline_set_summary (self->sparkline, self->summary);

  /* Every signal that applies names itself on the badge; each rule is a line below. */
  badge = g_string_new (NULL);
  n_kinds = ipt_case_summary_get_signal_kinds (self->summary, kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      if (i > 0)
        g_string_append (badge, _(" · "));
      g_string_append (badge, badge_word (self->summary, kinds[i]));
    }
  if (n_kinds == 0)
    g_string_append (badge, badge_word (self->summary, kind));
  gtk_label_set_label (self->badge_label, badge->str);
  _ipt_widget_set_signal_class (GTK_WIDGET (self->badge_label), kind);
  _ipt_widget_set_signal_class (self->stripe, kind);

  /* Each rule in a few words on the card, in full in the tooltip and the description. */
  briefs = ipt_case_summary_dup_signal_briefs (self->summary);
  lines = g_string_new (NULL);
  for (guint i = 0; briefs[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (lines, '\n');
      if (n_kinds > 1 && i < n_kinds)
        /* TRANSLATORS: one of several signals on a dashboard card and its rule in a few words,
         * "Deterioration: PHQ-9 +7 since session 1 (+6 or more)" */
        g_string_append_printf (lines, C_("signal rule", "%s: %s"),
                                badge_word (self->summary, kinds[i]), briefs[i]);
      else
        g_string_append (lines, briefs[i]);
    }
  gtk_label_set_label (self->rules_label, lines->str);
  g_free (self->rules);
  self->rules = ipt_case_summary_dup_signal_rules (self->summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rules_label), self->rules);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge_label), self->rules);

  if (store != NULL && episode != NULL)
    self->comments_text = comments_text (store, ipt_episode_get_id (episode));
  update_comments (self);
}

static void
ipt_case_card_dispose (GObject *object)
{
  GtkWidget *child;
  IptCaseCard *self = IPT_CASE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_CASE_CARD);
  /* The template's outer box has no name to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (ipt_case_card_parent_class)->dispose (object);
}

static void
ipt_case_card_finalize (GObject *object)
{
  IptCaseCard *self = IPT_CASE_CARD (object);

  g_free (self->comments_text);
  g_free (self->rules);

  G_OBJECT_CLASS (ipt_case_card_parent_class)->finalize (object);
}

static void
ipt_case_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IptCaseCard *self = IPT_CASE_CARD (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    case PROP_CODES_ONLY:
      g_value_set_boolean (value, self->codes_only);
      break;
    case PROP_US_WORDING:
      g_value_set_boolean (value, self->us_wording);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_case_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IptCaseCard *self = IPT_CASE_CARD (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      ipt_case_card_set_summary (self, g_value_get_object (value), NULL);
      break;
    case PROP_CODES_ONLY:
      ipt_case_card_set_codes_only (self, g_value_get_boolean (value));
      break;
    case PROP_US_WORDING:
      if (self->us_wording != g_value_get_boolean (value))
        {
          g_autofree char *focus = NULL;

          self->us_wording = g_value_get_boolean (value);
          if (self->summary != NULL)
            {
              focus = _ipt_focus_text (ipt_case_summary_get_episode (self->summary),
                                       self->us_wording);
              gtk_label_set_label (self->focus_label, focus);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_case_card_class_init (IptCaseCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_case_card_dispose;
  object_class->finalize = ipt_case_card_finalize;
  object_class->get_property = ipt_case_card_get_property;
  object_class->set_property = ipt_case_card_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, IPT_TYPE_CASE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODES_ONLY] =
    g_param_spec_boolean ("codes-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_US_WORDING] =
    g_param_spec_boolean ("us-wording", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IPT_TYPE_SPARKLINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/iptcasebook/IptCasebook/ui/ipt-case-card.ui");
  gtk_widget_class_bind_template_child (widget_class, IptCaseCard, stripe);
  gtk_widget_class_bind_template_child (widget_class, IptCaseCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseCard, focus_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseCard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseCard, sparkline);
  gtk_widget_class_bind_template_child (widget_class, IptCaseCard, badge_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseCard, rules_label);
  gtk_widget_class_bind_template_child (widget_class, IptCaseCard, comments_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "casecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ipt_case_card_init (IptCaseCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (ipt_preferences_get_default (), "us-focus-names", self, "us-wording",
                          G_BINDING_SYNC_CREATE);
}

IptCaseCard *
ipt_case_card_new (void)
{
  return g_object_new (IPT_TYPE_CASE_CARD, NULL);
}

void
ipt_case_card_set_summary (IptCaseCard    *self,
                           IptCaseSummary *summary,
                           IptStore       *store)
{
  g_return_if_fail (IPT_IS_CASE_CARD (self));
  g_return_if_fail (summary == NULL || IPT_IS_CASE_SUMMARY (summary));

  /* The same summary with a store still counts the comments again: they may have changed. */
  if (g_set_object (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  update (self, store);
}

IptCaseSummary *
ipt_case_card_get_summary (IptCaseCard *self)
{
  g_return_val_if_fail (IPT_IS_CASE_CARD (self), NULL);

  return self->summary;
}

void
ipt_case_card_set_codes_only (IptCaseCard *self,
                              gboolean     codes_only)
{
  g_return_if_fail (IPT_IS_CASE_CARD (self));

  codes_only = !!codes_only;
  if (self->codes_only == codes_only)
    return;
  self->codes_only = codes_only;
  if (self->summary != NULL)
    {
      IptClient *client = ipt_case_summary_get_client (self->summary);
      gtk_label_set_label (self->title_label, codes_only ? ipt_client_get_code (client)
                                                         : ipt_client_get_display_name (client));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODES_ONLY]);
}

gboolean
ipt_case_card_get_codes_only (IptCaseCard *self)
{
  g_return_val_if_fail (IPT_IS_CASE_CARD (self), FALSE);

  return self->codes_only;
}

const char *
ipt_case_card_get_title (IptCaseCard *self)
{
  g_return_val_if_fail (IPT_IS_CASE_CARD (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
ipt_case_card_set_comments_text (IptCaseCard *self,
                                 const char  *text)
{
  g_return_if_fail (IPT_IS_CASE_CARD (self));

  g_free (self->comments_text);
  self->comments_text = g_strdup (text);
  update_comments (self);
}

const char *
ipt_case_card_get_comments_text (IptCaseCard *self)
{
  g_return_val_if_fail (IPT_IS_CASE_CARD (self), NULL);

  return self->comments_text;
}

const char *
ipt_case_card_get_badge_text (IptCaseCard *self)
{
  g_return_val_if_fail (IPT_IS_CASE_CARD (self), NULL);

  return gtk_label_get_label (self->badge_label);
}

const char *
ipt_case_card_get_rules_text (IptCaseCard *self)
{
  g_return_val_if_fail (IPT_IS_CASE_CARD (self), NULL);

  return gtk_label_get_label (self->rules_label);
}

const char *
ipt_case_card_get_rules_in_full (IptCaseCard *self)
{
  g_return_val_if_fail (IPT_IS_CASE_CARD (self), NULL);

  return self->rules;
}
