/* The supervision pack, review file and merge dialog of the main window. */

#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-supervision-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipt-deidentify.h"
#include "ipt-gui-private.h"
#include "ipt-review-file.h"
#include "ipt-store-supervision.h"
#include "ipt-supervision-pack.h"
#include "ipt-window-private.h"

struct _IptSupervisionDialog
{
  GtkWindow                 parent_instance;

  IptWindow                *window;
  IptSupervisionDialogMode  mode;
  char                     *path;
  char                     *generated;
  GPtrArray                *case_buttons;   /* GtkCheckButton, with their "code" */
  GPtrArray                *text_buttons;   /* "Include free text" of each case, same order */
  GtkWidget                *text_warning;   /* shown while any case includes free text */
  GtkFileChooserNative     *chooser;
  IptJob                   *merging;        /* the merge under way, NULL: none */

  /* template children */
  GtkLabel                 *intro_label;
  GtkWidget                *cases_box;
  GtkListBox               *cases_list;
  GtkLabel                 *cases_error_label;
  GtkWidget                *passphrase_box;
  GtkCheckButton           *generated_button;
  GtkLabel                 *generated_label;
  GtkCheckButton           *typed_button;
  GtkPasswordEntry         *passphrase_entry;
  GtkLabel                 *passphrase_error_label;
  GtkWidget                *generated_box;
  GtkWidget                *file_box;
  GtkLabel                 *file_label;
  GtkButton                *run_button;
};

G_DEFINE_FINAL_TYPE (IptSupervisionDialog, ipt_supervision_dialog, GTK_TYPE_WINDOW)

/* What the thread's end needs: the window to tell, and what was asked. Its IptJob holds the
 * application until the file is written, whether the window stays open or not. */
typedef struct
{
  IptWindow                *window;
  GtkApplication           *app;
  IptJob                   *job;
  IptSupervisionDialogMode  mode;
  char                     *path;
  guint                     n_cases;
} Job;

static void
job_free (Job *job)
{
  ipt_job_finish (job->job);
  g_object_unref (job->job);
  g_object_unref (job->window);
  g_clear_object (&job->app);
  g_free (job->path);
  g_free (job);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (job->path);
  g_autofree char *message = NULL;
  gboolean ok;

  if (job->mode == IPT_SUPERVISION_DIALOG_PACK)
    ok = ipt_supervision_pack_write_finish (result, &error);
  else
    ok = ipt_review_write_cases_finish (result, &error);

  ipt_job_finish (job->job);
  if (!ok)
    {
      _ipt_window_report_failure (_ipt_window_is_open (job->window) ? job->window : NULL,
                                  job->app,
                                  job->mode == IPT_SUPERVISION_DIALOG_PACK
                                  ? _("The supervision pack could not be written")
                                  : _("The review file could not be written"),
                                  error);
      job_free (job);
      return;
    }
  /* Closed meanwhile: the file is there, nothing to show it over. */
  if (!_ipt_window_is_open (job->window))
    {
      job_free (job);
      return;
    }

  if (job->mode == IPT_SUPERVISION_DIALOG_PACK)
    /* TRANSLATORS: %u is a number of cases, %s a file name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Wrote a supervision pack of %u case to %s",
                                            "Wrote a supervision pack of %u cases to %s",
                                            job->n_cases), job->n_cases, basename);
  else
    /* TRANSLATORS: %u is a number of cases, %s a file name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Wrote a review file of %u case to %s",
                                            "Wrote a review file of %u cases to %s",
                                            job->n_cases), job->n_cases, basename);
  _ipt_window_show_toast (job->window, message, NULL, NULL, NULL);
  job_free (job);
}

static GStrv
chosen_codes (IptSupervisionDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->case_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->case_buttons, i);

      if (gtk_check_button_get_active (button))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (button), "code"));
    }
  return g_strv_builder_end (builder);
}

/* The free text of each case chosen with "Include free text" ticked goes with it. */
static GHashTable *
chosen_shares (IptSupervisionDialog *self)
{
  GHashTable *shares = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->case_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->case_buttons, i);

      if (gtk_check_button_get_active (button)
          && gtk_check_button_get_active (g_ptr_array_index (self->text_buttons, i)))
        g_hash_table_insert (shares, g_strdup (g_object_get_data (G_OBJECT (button), "code")),
                             GUINT_TO_POINTER (IPT_REVIEW_SHARE_ALL));
    }
  return shares;
}

static void
on_text_toggled (IptSupervisionDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->text_buttons->len && !any; i++)
    any = gtk_check_button_get_active (g_ptr_array_index (self->text_buttons, i));
  gtk_widget_set_visible (self->text_warning, any);
}

static const char *
chosen_passphrase (IptSupervisionDialog *self)
{
  if (self->mode == IPT_SUPERVISION_DIALOG_REVIEW_FILE
      && gtk_check_button_get_active (self->generated_button))
    return self->generated;
  return gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
}

/* The merge's end, back on the main thread: the casebook was written in one transaction (its
 * announcement brings the new comments to the cards and pages), or left untouched. */
static void
on_merged (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IptSupervisionDialog) self = user_data;
  IptWindow *window = self->window;
  IptSupervisionMerge summary = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;
  guint added;

  if (self->merging != NULL)
    ipt_job_finish (self->merging);
  g_clear_object (&self->merging);
  ok = ipt_review_merge_finish (IPT_STORE (source), result, &summary, &error);
  /* The dialog went with its window meanwhile: the casebook says what was merged. */
  if (window == NULL || !_ipt_window_is_open (window))
    return;
  if (!ok)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      /* The passphrase and the file stay in the dialog to correct. */
      _ipt_show_field_error (self->passphrase_error_label, GTK_WIDGET (self->passphrase_entry),
                             error->message);
      return;
    }

  added = summary.n_comments + summary.n_reviews + summary.n_entries;
  if (added == 0)
    message = g_strdup (_("Nothing new in this review file: it was merged before"));
  else
    /* TRANSLATORS: after merging a review file; the cards of the dashboard flag the new ones */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Merged %u new comment, rating or log entry; the dashboard flags it on its case",
                                            "Merged %u new comments, ratings and log entries; the dashboard flags them on their cases",
                                            added), added);
  _ipt_window_show_toast (window, message, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
merge (IptSupervisionDialog *self)
{
  if (self->merging != NULL)
    return;
  self->merging = _ipt_window_begin_job (self->window, _("Merging the review file…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  /* The key derivation and decryption take about a second: in a thread, the window stays
   * responsive and shows that it is busy. */
  ipt_review_merge_async (self->window->store, self->path, chosen_passphrase (self), NULL,
                          on_merged, g_object_ref (self));
}

static void
write_cases (IptSupervisionDialog *self)
{
  g_auto(GStrv) codes = chosen_codes (self);
  g_autoptr(GHashTable) shares = chosen_shares (self);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;
  Job *job;

  cases = ipt_deidentify_cases (self->window->store, (const char * const *) codes, shares,
                                &error);
  if (cases == NULL)
    {
      _ipt_show_field_error (self->cases_error_label, NULL, error->message);
      return;
    }

  if (self->mode != IPT_SUPERVISION_DIALOG_PACK)
    {
      uid = ipt_store_get_casebook_uid (self->window->store, &error);
      if (uid == NULL)
        {
          _ipt_show_error (GTK_WINDOW (self), _("The review file could not be written"), error);
          return;
        }
    }

  job = g_new0 (Job, 1);
  job->window = g_object_ref (self->window);
  job->app = gtk_window_get_application (GTK_WINDOW (self->window));
  if (job->app != NULL)
    g_object_ref (job->app);
  job->mode = self->mode;
  job->path = g_strdup (self->path);
  job->n_cases = cases->len;

  if (self->mode == IPT_SUPERVISION_DIALOG_PACK)
    {
      job->job = _ipt_window_begin_job (self->window, _("Writing the supervision pack…"));
      ipt_supervision_pack_write_async (cases, self->path, NULL, ipt_job_progress_func,
                                        g_object_ref (job->job), g_object_unref, on_written, job);
    }
  else
    {
      job->job = _ipt_window_begin_job (self->window, _("Encrypting the review file…"));
      ipt_review_write_cases_async (cases, uid, chosen_passphrase (self), self->path, NULL,
                                    ipt_job_progress_func, g_object_ref (job->job),
                                    g_object_unref, on_written, job);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void run_action (GtkWidget *widget, const char *action_name, GVariant *parameter);

static void
on_chooser_response (GtkNativeDialog      *chooser,
                     int                   response,
                     IptSupervisionDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  ipt_supervision_dialog_set_path (self, g_file_peek_path (file));
  /* Merge: the file was chosen first, the passphrase is typed next. */
  if (self->mode != IPT_SUPERVISION_DIALOG_MERGE)
    run_action (GTK_WIDGET (self), "supervision.run", NULL);
}

static void
choose_file (IptSupervisionDialog *self)
{
  gboolean save = self->mode != IPT_SUPERVISION_DIALOG_MERGE;
  GtkFileFilter *filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (save ? _("Save As") : _("Open Review File"),
                                               GTK_WINDOW (self),
                                               save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                    : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               save ? _("_Save") : _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  _ipt_file_chooser_use_export_folder (self->chooser);
  if (self->mode == IPT_SUPERVISION_DIALOG_PACK)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_pattern (filter, "*.pdf");
      /* TRANSLATORS: suggested file name of a supervision pack */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                         _("supervision pack.pdf"));
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Review files"));
      gtk_file_filter_add_pattern (filter, "*.iptreview");
      gtk_file_filter_add_mime_type (filter, "application/x-iptreview");
      if (save)
        /* TRANSLATORS: suggested file name of a review file */
        gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                           _("supervision.iptreview"));
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (IPT_SUPERVISION_DIALOG (widget));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IptSupervisionDialog *self = IPT_SUPERVISION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gboolean valid = TRUE;

  _ipt_show_field_error (self->cases_error_label, NULL, NULL);
  _ipt_show_field_error (self->passphrase_error_label, GTK_WIDGET (self->passphrase_entry), NULL);

  if (self->mode != IPT_SUPERVISION_DIALOG_MERGE)
    {
      g_auto(GStrv) codes = chosen_codes (self);

      if (codes[0] == NULL)
        {
          _ipt_show_field_error (self->cases_error_label, GTK_WIDGET (self->cases_list),
                                 _("Choose at least one case"));
          valid = FALSE;
        }
    }

  if (self->mode == IPT_SUPERVISION_DIALOG_REVIEW_FILE
      && !ipt_review_passphrase_check (chosen_passphrase (self), &error))
    {
      _ipt_show_field_error (self->passphrase_error_label, GTK_WIDGET (self->passphrase_entry),
                             error->message);
      valid = FALSE;
    }
  if (self->mode == IPT_SUPERVISION_DIALOG_MERGE && self->path == NULL)
    {
      _ipt_show_field_error (self->passphrase_error_label, NULL,
                             _("Choose the review file the supervisor sent back"));
      valid = FALSE;
    }
  else if (self->mode == IPT_SUPERVISION_DIALOG_MERGE && *chosen_passphrase (self) == '\0')
    {
      _ipt_show_field_error (self->passphrase_error_label, GTK_WIDGET (self->passphrase_entry),
                             _("Type the passphrase the review file was made with"));
      valid = FALSE;
    }
  if (!valid)
    return;

  if (self->path == NULL)
    {
      choose_file (self);
      return;
    }

  if (self->mode == IPT_SUPERVISION_DIALOG_MERGE)
    merge (self);
  else
    write_cases (self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IptSupervisionDialog *self = IPT_SUPERVISION_DIALOG (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->generated);
  gtk_check_button_set_active (self->generated_button, TRUE);
}

static void
on_passphrase_changed (GtkEditable          *entry,
                       IptSupervisionDialog *self)
{
  /* Typing chooses the typed passphrase. */
  if (self->mode == IPT_SUPERVISION_DIALOG_REVIEW_FILE
      && *gtk_editable_get_text (entry) != '\0')
    gtk_check_button_set_active (self->typed_button, TRUE);
  _ipt_show_field_error (self->passphrase_error_label, GTK_WIDGET (self->passphrase_entry), NULL);
}

static void
fill_cases (IptSupervisionDialog *self)
{
  GPtrArray *caseload = self->window->caseload;

  for (guint i = 0; i < caseload->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (caseload, i);
      IptClient *client = ipt_case_summary_get_client (summary);
      IptEpisode *episode = ipt_case_summary_get_episode (summary);
      g_autofree char *label = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *button;
      GtkWidget *text;
      GtkWidget *row;

      if (episode == NULL || ipt_client_get_archived (client))
        continue;
      /* TRANSLATORS: a case to pick: "C-0042 · Ana Lopez · Session 7 of 16 · Middle" */
      label = g_strdup_printf (_("%s · %s · %s"), ipt_client_get_code (client),
                               ipt_client_get_display_name (client),
                               ipt_case_summary_get_progress_text (summary));
      button = gtk_check_button_new_with_label (label);
      g_object_set_data_full (G_OBJECT (button), "code", g_strdup (ipt_client_get_code (client)),
                              g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   ipt_episode_get_status (episode) == IPT_EPISODE_STATUS_ACTIVE);
      gtk_widget_set_hexpand (button, TRUE);
      /* Free text stays home unless included here, case by case. */
      text = gtk_check_button_new_with_mnemonic (_("Include free _text"));
      gtk_widget_set_tooltip_text (text, _("The formulation, session notes, goals, life-event "
                                           "titles and inventory notes of this case"));
      /* TRANSLATORS: read out for a case's check box; %s is a case code */
      accessible = g_strdup_printf (_("Include the free text of %s"),
                                    ipt_client_get_code (client));
      gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_object_bind_property (button, "active", text, "sensitive", G_BINDING_SYNC_CREATE);
      g_signal_connect_object (text, "toggled", G_CALLBACK (on_text_toggled), self,
                               G_CONNECT_SWAPPED);
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (row), text);
      gtk_list_box_append (self->cases_list, row);
      g_ptr_array_add (self->case_buttons, button);
      g_ptr_array_add (self->text_buttons, text);
    }
}

static void
ipt_supervision_dialog_dispose (GObject *object)
{
  IptSupervisionDialog *self = IPT_SUPERVISION_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* Closed while a merge runs: the merge ends on its own (its announcement brings what it
   * added to the cards and pages), its row in the busy indicator until then. */
  g_clear_object (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPT_TYPE_SUPERVISION_DIALOG);

  G_OBJECT_CLASS (ipt_supervision_dialog_parent_class)->dispose (object);
}

static void
ipt_supervision_dialog_finalize (GObject *object)
{
  IptSupervisionDialog *self = IPT_SUPERVISION_DIALOG (object);

  if (self->merging != NULL)
    ipt_job_finish (self->merging);
  g_clear_object (&self->merging);
  g_free (self->path);
  /* The passphrase leaves no copy behind in this process's memory. */
  if (self->generated != NULL)
    memset (self->generated, 0, strlen (self->generated));
  g_free (self->generated);
  g_ptr_array_unref (self->case_buttons);
  g_ptr_array_unref (self->text_buttons);

  G_OBJECT_CLASS (ipt_supervision_dialog_parent_class)->finalize (object);
}

static void
ipt_supervision_dialog_class_init (IptSupervisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipt_supervision_dialog_dispose;
  object_class->finalize = ipt_supervision_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/iptcasebook/IptCasebook/ui/ipt-supervision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, cases_box);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, cases_list);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, cases_error_label);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, passphrase_box);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, generated_button);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, generated_label);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, typed_button);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, passphrase_error_label);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, generated_box);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, file_box);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, IptSupervisionDialog, run_button);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);

  gtk_widget_class_install_action (widget_class, "supervision.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "supervision.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "supervision.choose-file", NULL,
                                   choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ipt_supervision_dialog_init (IptSupervisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->case_buttons = g_ptr_array_new ();
  self->text_buttons = g_ptr_array_new ();
}

IptSupervisionDialog *
ipt_supervision_dialog_new (IptWindow                *window,
                            IptSupervisionDialogMode  mode)
{
  IptSupervisionDialog *self;

  g_return_val_if_fail (IPT_IS_WINDOW (window), NULL);

  self = g_object_new (IPT_TYPE_SUPERVISION_DIALOG,
                       "transient-for", window,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->window = g_object_ref (window);
  self->mode = mode;

  switch (mode)
    {
    case IPT_SUPERVISION_DIALOG_PACK:
      gtk_window_set_title (GTK_WINDOW (self), _("Supervision Pack"));
      gtk_label_set_label (self->intro_label,
                           _("A de-identified PDF of the cases you choose: case codes, charts, "
                             "phases, signals and outcomes; no names, contact details or dates, and "
                             "free text only for the cases where you include it."));
      gtk_button_set_label (self->run_button, _("_Write Pack…"));
      break;
    case IPT_SUPERVISION_DIALOG_REVIEW_FILE:
      gtk_window_set_title (GTK_WINDOW (self), _("Review File"));
      gtk_label_set_label (self->intro_label,
                           _("An encrypted, de-identified file of the cases you choose, for your "
                             "supervisor to open, comment on and send back. Give them the "
                             "passphrase by another channel than the file."));
      gtk_button_set_label (self->run_button, _("_Write Review File…"));
      self->generated = ipt_review_passphrase_generate ();
      gtk_label_set_label (self->generated_label, self->generated);
      break;
    case IPT_SUPERVISION_DIALOG_MERGE:
    default:
      gtk_window_set_title (GTK_WINDOW (self), _("Merge Review File"));
      gtk_label_set_label (self->intro_label,
                           _("Bring your supervisor's comments, session ratings and log entries "
                             "back onto your cases. Merging the same file again adds nothing."));
      gtk_button_set_label (self->run_button, _("_Merge"));
      break;
    }

  gtk_widget_set_visible (self->cases_box, mode != IPT_SUPERVISION_DIALOG_MERGE);
  gtk_widget_set_visible (self->passphrase_box, mode != IPT_SUPERVISION_DIALOG_PACK);
  gtk_widget_set_visible (GTK_WIDGET (self->generated_button),
                          mode == IPT_SUPERVISION_DIALOG_REVIEW_FILE);
  /* the generated passphrase and its copy button: only when one is made, not to merge */
  gtk_widget_set_visible (self->generated_box, mode == IPT_SUPERVISION_DIALOG_REVIEW_FILE);
  gtk_widget_set_visible (GTK_WIDGET (self->typed_button),
                          mode == IPT_SUPERVISION_DIALOG_REVIEW_FILE);
  gtk_widget_set_visible (self->file_box, mode == IPT_SUPERVISION_DIALOG_MERGE);
  if (mode != IPT_SUPERVISION_DIALOG_MERGE)
    {
      GtkWidget *warning = gtk_label_new (ipt_deidentify_free_text_warning ());

      gtk_label_set_xalign (GTK_LABEL (warning), 0);
      gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_visible (warning, FALSE);
      gtk_box_insert_child_after (GTK_BOX (self->cases_box), warning,
                                  GTK_WIDGET (self->cases_error_label));
      self->text_warning = warning;
      fill_cases (self);
    }
  return self;
}

void
ipt_supervision_dialog_set_path (IptSupervisionDialog *self,
                                 const char           *path)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (IPT_IS_SUPERVISION_DIALOG (self));

  g_free (self->path);
  self->path = g_strdup (path);
  basename = path != NULL ? g_path_get_basename (path) : NULL;
  gtk_label_set_label (self->file_label, basename != NULL ? basename : _("No file chosen"));
  /* "Choose the review file…", or what was said of the file chosen before, no longer holds */
  if (path != NULL)
    _ipt_show_field_error (self->passphrase_error_label, NULL, NULL);
}

void
ipt_supervision_dialog_set_include_text (IptSupervisionDialog *self,
                                         const char           *code,
                                         gboolean              include)
{
  g_return_if_fail (IPT_IS_SUPERVISION_DIALOG (self));

  for (guint i = 0; i < self->case_buttons->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (g_ptr_array_index (self->case_buttons, i)),
                                      "code"), code) == 0)
      gtk_check_button_set_active (g_ptr_array_index (self->text_buttons, i), include);
}

gboolean
ipt_supervision_dialog_get_text_warning_shown (IptSupervisionDialog *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_DIALOG (self), FALSE);

  return self->text_warning != NULL && gtk_widget_get_visible (self->text_warning);
}

const char *
ipt_supervision_dialog_get_generated_passphrase (IptSupervisionDialog *self)
{
  g_return_val_if_fail (IPT_IS_SUPERVISION_DIALOG (self), NULL);

  return self->generated;
}
