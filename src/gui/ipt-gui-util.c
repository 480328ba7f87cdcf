/* Small helpers shared by the widgets of src/gui/. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-gui-private.h"

#include <glib/gi18n.h>
#include <string.h>

const char *
_ipt_signal_css_class (IptSignalKind kind)
{
  switch (kind)
    {
    case IPT_SIGNAL_RISK:
      return "signal-risk";
    case IPT_SIGNAL_DETERIORATION:
      return "signal-deterioration";
    case IPT_SIGNAL_NOT_ON_TRACK:
      return "signal-not-on-track";
    case IPT_SIGNAL_ON_TRACK:
      return "signal-on-track";
    case IPT_SIGNAL_OUTCOME:
      return "signal-outcome";
    case IPT_SIGNAL_NO_SCORES:
    default:
      return "signal-no-scores";
    }
}

void
_ipt_widget_set_signal_class (GtkWidget    *widget,
                              IptSignalKind kind)
{
  static const IptSignalKind kinds[] = {
    IPT_SIGNAL_RISK, IPT_SIGNAL_DETERIORATION, IPT_SIGNAL_NOT_ON_TRACK,
    IPT_SIGNAL_ON_TRACK, IPT_SIGNAL_OUTCOME, IPT_SIGNAL_NO_SCORES,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] != kind)
      gtk_widget_remove_css_class (widget, _ipt_signal_css_class (kinds[i]));
  gtk_widget_add_css_class (widget, _ipt_signal_css_class (kind));
}

char *
_ipt_focus_text (IptEpisode *episode,
                 gboolean    us_wording)
{
  g_autofree char *primary = NULL;
  IptFocus focus;
  IptFocus secondary;
  IptDisputeStage stage;

  if (episode == NULL)
    return g_strdup (_("No course yet"));

  focus = ipt_episode_get_focus (episode);
  secondary = ipt_episode_get_secondary_focus (episode);
  stage = ipt_episode_get_dispute_stage (episode);
  if (focus == IPT_FOCUS_NONE)
    return g_strdup (_("Focus not chosen yet"));

  if (focus == IPT_FOCUS_ROLE_DISPUTE && stage != IPT_DISPUTE_STAGE_NONE)
    /* TRANSLATORS: a role dispute and its stage, e.g. "Role dispute (Impasse)" */
    primary = g_strdup_printf (_("%s (%s)"), ipt_focus_to_label (focus, us_wording),
                               ipt_dispute_stage_to_label (stage));
  else
    primary = g_strdup (ipt_focus_to_label (focus, us_wording));
  if (secondary == IPT_FOCUS_NONE)
    return g_steal_pointer (&primary);
  /* TRANSLATORS: the focus, then a secondary focus, e.g. "Grief · also Role dispute" */
  return g_strdup_printf (_("%s · also %s"), primary, ipt_focus_to_label (secondary, us_wording));
}

char *
_ipt_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
on_error_dialog_response (GtkDialog *dialog,
                          int        response,
                          gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

gboolean
_ipt_tab_should_read (GtkWidget       *tab,
                      IptStoreChanges *changes,
                      gint64           client_id,
                      gboolean        *stale)
{
  if (client_id == 0 || !ipt_store_changes_has_client (changes, client_id))
    return FALSE;
  /* A tab out of sight reads again when it comes into sight, not at every change. */
  if (!gtk_widget_get_mapped (tab))
    {
      *stale = TRUE;
      return FALSE;
    }
  return TRUE;
}

gboolean
_ipt_tab_take_stale (gboolean *stale)
{
  gboolean was = *stale;

  *stale = FALSE;
  return was;
}

void
_ipt_message_dialog_name (GtkWidget *dialog)
{
  g_autofree char *text = NULL;

  g_object_get (dialog, "text", &text, NULL);
  if (text != NULL)
    gtk_window_set_title (GTK_WINDOW (dialog), text);
}

void
_ipt_show_error (GtkWindow    *parent,
                 const char   *primary,
                 const GError *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  _ipt_message_dialog_name (dialog);
  if (error != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_ipt_widget_save_png (GtkWidget  *widget,
                      const char *path,
                      GError    **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GtkNative *native;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  native = gtk_widget_get_native (widget);
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window was not shown, so there is nothing to save"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window drew nothing"));
      return FALSE;
    }

  /* The cairo renderer draws straight into memory: no GPU read-back for one picture. */
  {
    g_autoptr(GskRenderer) cairo_renderer = gsk_cairo_renderer_new ();

    if (gsk_renderer_realize (cairo_renderer, NULL, NULL))
      {
        texture = gsk_renderer_render_texture (cairo_renderer, node,
                                               &GRAPHENE_RECT_INIT (0, 0, width, height));
        gsk_renderer_unrealize (cairo_renderer);
      }
    else
      {
        texture = gsk_renderer_render_texture (renderer, node,
                                               &GRAPHENE_RECT_INIT (0, 0, width, height));
      }
  }
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s"), path);
      return FALSE;
    }

  return TRUE;
}

/* The folder of the last export, for this run of the app. */
static GFile *export_folder;

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;
  g_clear_object (&export_folder);
  export_folder = g_file_get_parent (file);
}

void
_ipt_file_chooser_use_export_folder (GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  if (export_folder != NULL
      && g_file_query_file_type (export_folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    folder = g_object_ref (export_folder);
  else
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      folder = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                    ? documents : g_get_home_dir ());
    }
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response), NULL);
}

void
_ipt_show_field_error (GtkLabel   *label,
                       GtkWidget  *field,
                       const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (field == NULL)
    return;
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      /* read out with the field, not only shown beside it */
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Asking before a form with unsaved input is closed */

#define ASKING_KEY "ipt-asking-to-discard"
#define DISCARDING_KEY "ipt-discarding"

static void
on_discard_response (GtkDialog *question,
                     int        response,
                     GtkWindow *window)
{
  g_object_set_data (G_OBJECT (window), ASKING_KEY, NULL);
  gtk_window_destroy (GTK_WINDOW (question));
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  g_object_set_data (G_OBJECT (window), DISCARDING_KEY, GINT_TO_POINTER (TRUE));
  gtk_window_close (window);
}

gboolean
_ipt_ask_before_discarding (GtkWindow  *window,
                            gboolean    changed,
                            const char *primary)
{
  GtkWidget *question;
  GtkWidget *button;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  if (!changed || g_object_get_data (G_OBJECT (window), DISCARDING_KEY) != NULL)
    return FALSE;
  if (g_object_get_data (G_OBJECT (window), ASKING_KEY) != NULL)
    return TRUE;

  question = gtk_message_dialog_new (window, GTK_DIALOG_MODAL,
                                     GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", primary);
  _ipt_message_dialog_name (question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (question), "%s",
                                            _("What you entered here has not been saved."));
  gtk_dialog_add_button (GTK_DIALOG (question), _("_Keep Editing"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (question), _("_Discard"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (question, "response", G_CALLBACK (on_discard_response), window, 0);
  g_object_set_data (G_OBJECT (window), ASKING_KEY, question);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

void
_ipt_drop_discard_question (GtkWindow *window)
{
  GtkWindow *question = g_object_steal_data (G_OBJECT (window), ASKING_KEY);

  if (question != NULL)
    gtk_window_destroy (question);
}

GtkWindow *
_ipt_get_discard_question (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  return g_object_get_data (G_OBJECT (window), ASKING_KEY);
}

GdkRGBA
_ipt_rgba_from_palette (guint32 rgb)
{
  return (GdkRGBA) {
    ((rgb >> 16) & 0xff) / 255.0f,
    ((rgb >> 8) & 0xff) / 255.0f,
    (rgb & 0xff) / 255.0f,
    1.0f,
  };
}

/* As GTK picks its theme: GTK_THEME ("Adwaita:dark") wins over the settings, whose
 * gtk-application-prefer-dark-theme asks for the dark variant. "Adwaita-dark" and
 * "HighContrastInverse" are dark themes by name. */
gboolean
_ipt_settings_is_dark (GtkSettings *settings)
{
  const char *env = g_getenv ("GTK_THEME");
  g_autofree char *name = NULL;
  gboolean prefer_dark = FALSE;
  char *variant = NULL;

  g_return_val_if_fail (GTK_IS_SETTINGS (settings), FALSE);

  if (env != NULL && *env != '\0')
    {
      name = g_strdup (env);
      variant = strrchr (name, ':');
      if (variant != NULL)
        *variant++ = '\0';
    }
  else
    g_object_get (settings, "gtk-theme-name", &name, "gtk-application-prefer-dark-theme",
                  &prefer_dark, NULL);

  return prefer_dark || g_strcmp0 (variant, "dark") == 0
         || (name != NULL && (g_str_has_suffix (name, "-dark")
                              || strcmp (name, "HighContrastInverse") == 0));
}

gboolean
_ipt_widget_is_dark (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return _ipt_settings_is_dark (gtk_widget_get_settings (widget));
}

const char *
_ipt_phase_phrase (IptPhase phase)
{
  switch (phase)
    {
    case IPT_PHASE_ASSESSMENT:
      return _("Assessment phase");
    case IPT_PHASE_MIDDLE:
      return _("Middle phase");
    case IPT_PHASE_END:
      return _("End phase");
    case IPT_PHASE_MAINTENANCE:
    default:
      return _("Maintenance phase");
    }
}

const char *
_ipt_phase_tasks_title (IptPhase phase)
{
  switch (phase)
    {
    case IPT_PHASE_ASSESSMENT:
      return _("Assessment phase tasks");
    case IPT_PHASE_MIDDLE:
      return _("Middle phase tasks");
    case IPT_PHASE_END:
      return _("End phase tasks");
    case IPT_PHASE_MAINTENANCE:
    default:
      return _("Maintenance phase tasks");
    }
}

gboolean
_ipt_objects_equal (gpointer a,
                    gpointer b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_return_val_if_fail (G_IS_OBJECT (a) && G_IS_OBJECT (b), FALSE);

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        return FALSE;
    }
  return TRUE;
}
