/* The caseload rows shown: slots whose clients change in place as the search changes. */
#define G_LOG_DOMAIN "ipt-gui"

#include "config.h"

#include "ipt-caseload-model.h"

struct _IptCaseSlot
{
  GObject         parent_instance;
  IptCaseSummary *summary;
};

enum {
  SLOT_PROP_0,
  SLOT_PROP_SUMMARY,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

G_DEFINE_FINAL_TYPE (IptCaseSlot, ipt_case_slot, G_TYPE_OBJECT)

static void
ipt_case_slot_dispose (GObject *object)
{
  g_clear_object (&IPT_CASE_SLOT (object)->summary);

  G_OBJECT_CLASS (ipt_case_slot_parent_class)->dispose (object);
}

static void
ipt_case_slot_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case SLOT_PROP_SUMMARY:
      g_value_set_object (value, IPT_CASE_SLOT (object)->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipt_case_slot_class_init (IptCaseSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipt_case_slot_dispose;
  object_class->get_property = ipt_case_slot_get_property;

  slot_properties[SLOT_PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, IPT_TYPE_CASE_SUMMARY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
ipt_case_slot_init (IptCaseSlot *self)
{
}

IptCaseSummary *
ipt_case_slot_get_summary (IptCaseSlot *self)
{
  g_return_val_if_fail (IPT_IS_CASE_SLOT (self), NULL);

  return self->summary;
}

static void
slot_set_summary (IptCaseSlot    *self,
                  IptCaseSummary *summary)
{
  if (g_set_object (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_SUMMARY]);
}

struct _IptCaseloadModel
{
  GObject    parent_instance;

  GPtrArray *slots;      /* IptCaseSlot, at least n_shown */
  guint      n_shown;
};

static void ipt_caseload_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IptCaseloadModel, ipt_caseload_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ipt_caseload_model_list_model_init))

static GType
ipt_caseload_model_get_item_type (GListModel *model)
{
  return IPT_TYPE_CASE_SLOT;
}

static guint
ipt_caseload_model_get_n_items (GListModel *model)
{
  return IPT_CASELOAD_MODEL (model)->n_shown;
}

static gpointer
ipt_caseload_model_get_item (GListModel *model,
                             guint       position)
{
  IptCaseloadModel *self = IPT_CASELOAD_MODEL (model);

  if (position >= self->n_shown)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
ipt_caseload_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ipt_caseload_model_get_item_type;
  iface->get_n_items = ipt_caseload_model_get_n_items;
  iface->get_item = ipt_caseload_model_get_item;
}

static void
ipt_caseload_model_finalize (GObject *object)
{
  g_clear_pointer (&IPT_CASELOAD_MODEL (object)->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (ipt_caseload_model_parent_class)->finalize (object);
}

static void
ipt_caseload_model_class_init (IptCaseloadModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipt_caseload_model_finalize;
}

static void
ipt_caseload_model_init (IptCaseloadModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

IptCaseloadModel *
ipt_caseload_model_new (void)
{
  return g_object_new (IPT_TYPE_CASELOAD_MODEL, NULL);
}

void
ipt_caseload_model_show (IptCaseloadModel    *self,
                         GPtrArray           *summaries,
                         IptCaseloadMatchFunc match,
                         gpointer             user_data)
{
  guint old_n;
  guint n = 0;

  g_return_if_fail (IPT_IS_CASELOAD_MODEL (self));
  g_return_if_fail (summaries != NULL);

  old_n = self->n_shown;
  for (guint i = 0; i < summaries->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (summaries, i);

      if (match != NULL && !match (summary, user_data))
        continue;
      if (n == self->slots->len)
        g_ptr_array_add (self->slots, g_object_new (IPT_TYPE_CASE_SLOT, NULL));
      /* A slot that stays in the list changes its client in place (rows follow "summary"). */
      if (n < old_n)
        slot_set_summary (g_ptr_array_index (self->slots, n), summary);
      else
        g_set_object (&((IptCaseSlot *) g_ptr_array_index (self->slots, n))->summary, summary);
      n++;
    }

  /* Slots past the end let their clients go. */
  for (guint i = n; i < self->slots->len; i++)
    g_clear_object (&((IptCaseSlot *) g_ptr_array_index (self->slots, i))->summary);

  self->n_shown = n;
  if (n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), n, old_n - n, 0);
  else if (n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
}

IptCaseSummary *
ipt_caseload_model_get_summary (IptCaseloadModel *self,
                                guint             position)
{
  g_return_val_if_fail (IPT_IS_CASELOAD_MODEL (self), NULL);

  if (position >= self->n_shown)
    return NULL;
  return ((IptCaseSlot *) g_ptr_array_index (self->slots, position))->summary;
}

void
ipt_caseload_model_append (IptCaseloadModel    *self,
                           GPtrArray           *summaries,
                           IptCaseloadMatchFunc match,
                           gpointer             user_data)
{
  guint old_n;
  guint n;

  g_return_if_fail (IPT_IS_CASELOAD_MODEL (self));
  g_return_if_fail (summaries != NULL);

  old_n = n = self->n_shown;
  for (guint i = 0; i < summaries->len; i++)
    {
      IptCaseSummary *summary = g_ptr_array_index (summaries, i);

      if (match != NULL && !match (summary, user_data))
        continue;
      if (n == self->slots->len)
        g_ptr_array_add (self->slots, g_object_new (IPT_TYPE_CASE_SLOT, NULL));
      /* Slots past the end have no row: they take their client quietly. */
      g_set_object (&((IptCaseSlot *) g_ptr_array_index (self->slots, n))->summary, summary);
      n++;
    }

  self->n_shown = n;
  if (n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
}
