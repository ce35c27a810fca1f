// libyaml, as Debian ships it (libyaml-dev): its parser's events, which YAMLReading composes.
#include <yaml.h>
