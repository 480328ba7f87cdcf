/* The application (replaced by the application work). */
#include "config.h"
