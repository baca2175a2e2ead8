// Implemented by the readers work; see partial_time.h.
#include "core/partial_time.h"
