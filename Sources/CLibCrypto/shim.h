// OpenSSL's libcrypto, as Debian ships it (libssl-dev): only its message digests.
#include <openssl/evp.h>
