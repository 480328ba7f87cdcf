/* Helpers shared by the model tests: tests/test-model.c and tests/test-model-records.c. */
#pragma once

#include <glib-object.h>

static inline void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}
