/* One questionnaire of the session editor, item by item: answers, total, band, completeness. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "ipt-gui-private.h"
#include "ipt-session-editor-private.h"

void
_ipt_measure_form_free (IptMeasureForm *form)
{
  g_free (form->values);
  g_ptr_array_unref (form->buttons);
  g_ptr_array_unref (form->clear_buttons);
  g_clear_object (&form->kept_score);
  g_free (form->total_text);
  g_free (form);
}

/* The total typed for a totals-only measure: TRUE with *total IPT_TOTAL_NONE when empty, FALSE
 * when the text is not a total of the measure. */
static gboolean
parse_typed_total (IptMeasureForm *form,
                   int            *total)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->total_entry))));
  guint64 value;

  *total = IPT_TOTAL_NONE;
  if (*text == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL)
      || !ipt_measure_total_in_range (form->measure, (int) value))
    return FALSE;
  *total = (int) value;
  return TRUE;
}

guint
_ipt_measure_form_n_answered (IptMeasureForm *form)
{
  guint n = 0;

  if (form->total_entry != NULL)
    return *gtk_editable_get_text (GTK_EDITABLE (form->total_entry)) != '\0' ? 1 : 0;
  for (guint i = 0; i < form->measure->n_items; i++)
    if (form->values[i] != IPT_ITEM_MISSING)
      n++;
  return n;
}

IptScore *
_ipt_measure_form_make_score (IptMeasureForm *form)
{
  int total;

  if (form->total_entry != NULL)
    return parse_typed_total (form, &total) && total != IPT_TOTAL_NONE
           ? ipt_score_new_from_total (form->measure, total) : NULL;
  if (_ipt_measure_form_n_answered (form) > 0)
    return ipt_score_new_from_items (form->measure, form->values, form->measure->n_items);
  return form->kept_score != NULL ? g_object_ref (form->kept_score) : NULL;
}

/* "16 · moderately severe", or the number alone for a measure without bands. */
static char *
format_total (const IptMeasure *measure,
              int               total)
{
  const char *band = ipt_measure_band_label (measure, total);

  return band != NULL ? g_strdup_printf (_("%d · %s"), total, band) : g_strdup_printf ("%d", total);
}

static void
update_typed_total (IptMeasureForm *form)
{
  const IptMeasure *measure = form->measure;
  int total;

  g_free (form->total_text);
  form->valid = parse_typed_total (form, &total);
  if (!form->valid)
    form->total_text = g_strdup (C_("questionnaire", "No total"));
  else if (total == IPT_TOTAL_NONE)
    form->total_text = g_strdup (C_("questionnaire", "Not taken"));
  else
    form->total_text = format_total (measure, total);

  gtk_label_set_label (form->total_label, form->total_text);
  if (form->valid)
    _ipt_show_field_error (form->status_label, GTK_WIDGET (form->total_entry), NULL);
  else
    {
      /* TRANSLATORS: %s is a questionnaire, %d to %d its range of totals */
      g_autofree char *status = g_strdup_printf (_("The %s total is a whole number from %d to %d; "
                                                   "leave it empty if it was not taken."),
                                                 measure->name, measure->total_min,
                                                 measure->total_max);

      _ipt_show_field_error (form->status_label, GTK_WIDGET (form->total_entry), status);
    }
}

/* Total, band and whether the form can be saved; the model decides what has a total. */
void
_ipt_measure_form_update (IptMeasureForm *form)
{
  const IptMeasure *measure = form->measure;
  guint answered;
  int total;
  const char *status = NULL;

  if (form->total_entry != NULL)
    {
      update_typed_total (form);
      return;
    }

  answered = _ipt_measure_form_n_answered (form);
  total = ipt_measure_compute_total (measure, form->values, measure->n_items);
  g_free (form->total_text);
  if (answered == 0 && form->kept_score != NULL && ipt_score_has_total (form->kept_score)
      && ipt_signal_risk_item_state (measure->id, ipt_score_get_risk_item (form->kept_score),
                                     ipt_score_get_risk (form->kept_score))
         == IPT_RISK_ITEM_NOT_KNOWN)
    {
      /* A PHQ-9 total only says nothing about item 9: not "no risk". */
      g_autofree char *unknown = ipt_signal_risk_item_not_known_text (measure->id);

      /* TRANSLATORS: a total recorded without item answers, then "item 9 not known" */
      form->total_text = g_strdup_printf (_("%d (total only · %s)"),
                                          ipt_score_get_total (form->kept_score), unknown);
    }
  else if (answered == 0 && form->kept_score != NULL && ipt_score_has_total (form->kept_score))
    /* TRANSLATORS: a total recorded without item answers (imported) */
    form->total_text = g_strdup_printf (_("%d (total only)"), ipt_score_get_total (form->kept_score));
  else if (answered == 0)
    form->total_text = g_strdup (C_("questionnaire", "Not taken"));
  else if (total != IPT_TOTAL_NONE)
    {
      g_autofree char *shown = format_total (measure, total);
      g_autofree char *prorated = ipt_measure_describe_prorated (measure, form->values,
                                                                 measure->n_items);

      /* A WSAS with one item missing says how its total was made. */
      if (prorated != NULL)
        /* TRANSLATORS: "23 · significant impairment (one item missing: ...)" */
        form->total_text = g_strdup_printf (_("%s (%s)"), shown, prorated);
      else
        form->total_text = g_steal_pointer (&shown);
    }
  else
    /* TRANSLATORS: how many items of a questionnaire have an answer */
    form->total_text = g_strdup_printf (ngettext ("%u of %u answered", "%u of %u answered",
                                                  measure->n_items),
                                        answered, measure->n_items);

  /* A client may decline an item (clinical.md section 4): the answers given are saved, marked
   * incomplete, with no total, rather than lost because one is missing. */
  form->valid = TRUE;
  form->incomplete = answered > 0 && total == IPT_TOTAL_NONE;
  if (form->incomplete)
    status = _("Incomplete: saved with the answers given and no total. Ask the missing items "
               "if the client will answer them.");

  for (guint i = 0; i < form->clear_buttons->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (form->clear_buttons, i),
                              form->values[i] != IPT_ITEM_MISSING);

  gtk_label_set_label (form->total_label, form->total_text);
  gtk_label_set_label (form->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (form->status_label), status != NULL);
}

static void
on_answer_toggled (GtkToggleButton *button,
                   IptMeasureForm  *form)
{
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item"));
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"));

  if (gtk_toggle_button_get_active (button))
    form->values[item] = value;
  else if (form->values[item] == value)
    form->values[item] = IPT_ITEM_MISSING;

  if (*form->loading)
    return;
  _ipt_measure_form_update (form);
  form->changed (form->user_data);
}

void
_ipt_measure_form_set_item (IptMeasureForm *form,
                            guint           item,
                            int             value)
{
  GPtrArray *buttons = g_ptr_array_index (form->buttons, item);
  const IptMeasureItem *spec = &form->measure->items[item];

  if (value == IPT_ITEM_MISSING)
    {
      for (guint i = 0; i < buttons->len; i++)
        gtk_toggle_button_set_active (g_ptr_array_index (buttons, i), FALSE);
      form->values[item] = IPT_ITEM_MISSING;
    }
  else if (value >= spec->min && value <= spec->max)
    {
      gtk_toggle_button_set_active (g_ptr_array_index (buttons, value - spec->min), TRUE);
    }
}

void
_ipt_measure_form_set_total_text (IptMeasureForm *form,
                                  const char     *text)
{
  g_return_if_fail (form->total_entry != NULL);

  gtk_editable_set_text (GTK_EDITABLE (form->total_entry), text);
}

static void
on_total_entry_changed (GtkEditable    *editable,
                        IptMeasureForm *form)
{
  if (*form->loading)
    return;
  _ipt_measure_form_update (form);
  form->changed (form->user_data);
}

/* Clears one item's answer: a grouped toggle button cannot be unset by clicking it again. */
static void
on_clear_item_clicked (GtkButton      *button,
                       IptMeasureForm *form)
{
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item"));

  _ipt_measure_form_set_item (form, item, IPT_ITEM_MISSING);
  if (*form->loading)
    return;
  _ipt_measure_form_update (form);
  form->changed (form->user_data);
}

static void
on_clear_clicked (GtkButton   *button,
                  IptMeasureForm *form)
{
  if (form->total_entry != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (form->total_entry), "");
      return;
    }
  for (guint i = 0; i < form->measure->n_items; i++)
    _ipt_measure_form_set_item (form, i, IPT_ITEM_MISSING);
  _ipt_measure_form_update (form);
  form->changed (form->user_data);
}

/* TRUE when the user reads the app in a language other than English. */
static gboolean
user_language_is_english (void)
{
  const char * const *languages = g_get_language_names ();
  const char *first = languages[0];

  return g_str_equal (first, "C") || g_str_equal (first, "POSIX")
         || g_str_has_prefix (first, "C.") || g_str_equal (first, "en")
         || g_str_has_prefix (first, "en_") || g_str_has_prefix (first, "en.")
         || g_str_has_prefix (first, "en@");
}

/* The questionnaire's name, saying which version is shown when a validated instrument stays in
 * English inside a translated app. */
static char *
measure_title (const IptMeasure *measure,
               char            **tooltip)
{
  *tooltip = NULL;
  if (!ipt_measure_has_validated_wording (measure)
      || ipt_measure_wording_is_translated (measure)
      || user_language_is_english ())
    return g_strdup (measure->name);

  /* TRANSLATORS: %s is a questionnaire (PHQ-9); no validated translation of
   * it ships with the app, so its wording is shown in the original English */
  *tooltip = g_strdup_printf (_("%s has no validated translation in this version, so its "
                                "questions and answers are shown in the original English "
                                "wording."), measure->name);
  /* TRANSLATORS: "PHQ-9, English version": the questionnaire is shown in English */
  return g_strdup_printf (_("%s, English version"), measure->name);
}

IptMeasureForm *
_ipt_measure_form_new (const IptMeasure *measure,
                       const gboolean   *loading,
                       void            (*changed) (gpointer user_data),
                       gpointer          user_data)
{
  IptMeasureForm *form = g_new0 (IptMeasureForm, 1);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *title_tooltip = NULL;
  g_autofree char *title = measure_title (measure, &title_tooltip);
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *timeframe = gtk_label_new (measure->timeframe != NULL ? _(measure->timeframe) : "");
  GtkWidget *total = gtk_label_new (NULL);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear"));
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *status = gtk_label_new (NULL);
  gboolean words_on_buttons = TRUE;
  g_autofree char *clear_name = g_strdup_printf (_("Clear %s"), measure->name);

  form->measure = measure;
  form->loading = loading;
  form->changed = changed;
  form->user_data = user_data;
  form->values = g_new (int, measure->n_items);
  for (guint i = 0; i < measure->n_items; i++)
    form->values[i] = IPT_ITEM_MISSING;
  form->buttons = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  form->clear_buttons = g_ptr_array_new ();

  gtk_widget_add_css_class (card, "ipt-card");
  gtk_widget_add_css_class (card, "measure-frame");
  gtk_widget_set_name (card, measure->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  measure->name, -1);

  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_tooltip_text (name, title_tooltip);
  gtk_widget_add_css_class (timeframe, "dim-label");
  gtk_widget_set_hexpand (timeframe, TRUE);
  gtk_label_set_xalign (GTK_LABEL (timeframe), 0);
  gtk_widget_add_css_class (total, "measure-total");
  gtk_widget_add_css_class (clear, "flat");
  gtk_widget_set_tooltip_text (clear, _("Clear every answer: the questionnaire was not taken"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  clear_name, -1);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_clicked), form);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), timeframe);
  gtk_box_append (GTK_BOX (header), total);
  gtk_box_append (GTK_BOX (header), clear);
  gtk_box_append (GTK_BOX (card), header);

  if (measure->n_items == 0)
    {
      /* The wording is copyrighted: the client answers on paper, the total is typed here. */
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *entry = gtk_entry_new ();
      /* TRANSLATORS: %d to %d is the range of a questionnaire's totals */
      g_autofree char *range = g_strdup_printf (_("_Total (%d to %d)"), measure->total_min,
                                                measure->total_max);
      g_autofree char *entry_name = g_strdup_printf (_("%s total"), measure->name);
      GtkWidget *label = gtk_label_new_with_mnemonic (range);
      GtkWidget *note = gtk_label_new (_("Only the total is kept for this questionnaire: its "
                                         "wording is copyrighted, so the client answers it on "
                                         "the publisher’s form."));

      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
      gtk_entry_set_max_length (GTK_ENTRY (entry), 3);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 4);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), C_("questionnaire", "Not taken"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      entry_name, -1);
      g_signal_connect (entry, "changed", G_CALLBACK (on_total_entry_changed), form);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), entry);
      gtk_box_append (GTK_BOX (card), row);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (card), note);
      form->total_entry = GTK_ENTRY (entry);
    }

  /* Words fit on the buttons of short scales; long ones show numbers and a legend. */
  for (guint i = 0; i < measure->n_items; i++)
    if (measure->items[i].max - measure->items[i].min > 3 || measure->scale_labels == NULL)
      words_on_buttons = FALSE;

  if (!words_on_buttons && measure->scale_labels != NULL)
    {
      g_autoptr(GString) legend = g_string_new (NULL);
      GtkWidget *legend_label;

      for (guint v = 0; measure->scale_labels[v] != NULL; v++)
        {
          if (g_ascii_isdigit (measure->scale_labels[v][0]))
            continue;
          if (legend->len > 0)
            g_string_append (legend, " · ");
          g_string_append_printf (legend, "%u %s", v, ipt_measure_scale_label (measure, (int) v));
        }
      legend_label = gtk_label_new (legend->str);
      gtk_label_set_wrap (GTK_LABEL (legend_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (legend_label), 0);
      gtk_widget_add_css_class (legend_label, "dim-label");
      gtk_widget_add_css_class (legend_label, "caption");
      gtk_box_append (GTK_BOX (card), legend_label);
    }

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < measure->n_items; i++)
    {
      const IptMeasureItem *spec = &measure->items[i];
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, ipt_measure_item_text (measure, i));
      GtkWidget *item_label = gtk_label_new (text);
      GtkWidget *answers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GPtrArray *buttons = g_ptr_array_new ();
      GtkToggleButton *first = NULL;
      GtkWidget *answer_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *clear_item = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      /* TRANSLATORS: %u is an item's number in a questionnaire */
      g_autofree char *clear_item_name = g_strdup_printf (_("Clear the answer to item %u"), i + 1);

      gtk_label_set_wrap (GTK_LABEL (item_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (item_label), 0);
      gtk_widget_set_hexpand (item_label, TRUE);
      gtk_widget_add_css_class (answers, "linked");
      gtk_widget_add_css_class (answers, "item-answers");
      gtk_widget_set_halign (answers, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (answers), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (answers), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      item_label, NULL, -1);

      for (int v = spec->min; v <= spec->max; v++)
        {
          const char *words = ipt_measure_scale_label (measure, v);
          g_autofree char *number = g_strdup_printf ("%d", v);
          g_autofree char *accessible = NULL;
          GtkWidget *button;

          button = gtk_toggle_button_new_with_label (words_on_buttons && words != NULL
                                                     ? words : number);
          if (words != NULL && !g_ascii_isdigit (words[0]))
            {
              g_autofree char *tip = g_strdup_printf ("%d: %s", v, words);
              gtk_widget_set_tooltip_text (button, tip);
              accessible = g_strdup_printf ("%s, %d, %s", _(spec->topic), v, words);
            }
          else
            {
              accessible = g_strdup_printf ("%s, %d", _(spec->topic), v);
            }
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          accessible, -1);
          if (first != NULL)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
          else
            first = GTK_TOGGLE_BUTTON (button);
          g_object_set_data (G_OBJECT (button), "item", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (v));
          g_signal_connect (button, "toggled", G_CALLBACK (on_answer_toggled), form);
          gtk_box_append (GTK_BOX (answers), button);
          g_ptr_array_add (buttons, button);
        }
      g_ptr_array_add (form->buttons, buttons);

      gtk_widget_add_css_class (clear_item, "flat");
      gtk_widget_add_css_class (clear_item, "clear-answer");
      gtk_widget_set_valign (clear_item, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (clear_item, FALSE);
      gtk_widget_set_tooltip_text (clear_item, _("Clear this answer: the client declined the "
                                                 "item or it was not asked"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (clear_item), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      clear_item_name, -1);
      g_object_set_data (G_OBJECT (clear_item), "item", GUINT_TO_POINTER (i));
      g_signal_connect (clear_item, "clicked", G_CALLBACK (on_clear_item_clicked), form);
      g_ptr_array_add (form->clear_buttons, clear_item);
      gtk_box_append (GTK_BOX (answer_row), answers);
      gtk_box_append (GTK_BOX (answer_row), clear_item);

      if (words_on_buttons)
        {
          gtk_grid_attach (GTK_GRID (grid), item_label, 0, 2 * i, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), answer_row, 0, 2 * i + 1, 1, 1);
        }
      else
        {
          gtk_grid_attach (GTK_GRID (grid), item_label, 0, i, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), answer_row, 1, i, 1, 1);
        }
    }
  gtk_box_append (GTK_BOX (card), grid);

  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  /* A typed total out of range is an error; an incomplete questionnaire is only noted. */
  if (measure->n_items == 0)
    gtk_widget_add_css_class (status, "field-error");
  else
    {
      gtk_widget_add_css_class (status, "dim-label");
      gtk_widget_add_css_class (status, "caption");
    }
  gtk_box_append (GTK_BOX (card), status);

  form->total_label = GTK_LABEL (total);
  form->status_label = GTK_LABEL (status);
  form->widget = card;
  return form;
}

