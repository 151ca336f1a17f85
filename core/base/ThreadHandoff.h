#pragma once

// ThreadSanitizer does not see Qt hand work from one thread to another:
// QThread::wait() and QThreadPool's queue synchronise through Qt's own
// futex-based mutex, which TSan does not instrument, so what one thread did
// before the hand-over would look racy against what the other does after.
// The giving side calls handOver(token) as its last act on the shared data,
// the taking side takeOver(token) before its first (after wait(), at the
// start of a pooled job): TSan then orders the two as it orders a mutex.
// Both compile to nothing without TSan.

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace mss {

inline void handOver([[maybe_unused]] void* token) {
#if defined(__SANITIZE_THREAD__)
    __tsan_release(token);
#endif
}

inline void takeOver([[maybe_unused]] void* token) {
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(token);
#endif
}

} // namespace mss
