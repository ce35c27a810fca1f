// Snowball's stemmers, as Debian ships them (libstemmer-dev, which has no pkg-config file).
#include <libstemmer.h>
