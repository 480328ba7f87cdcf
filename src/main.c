/* Entry point (replaced by the application work). */
#include "config.h"

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  return 0;
}
