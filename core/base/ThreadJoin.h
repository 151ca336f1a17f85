#pragma once

// ThreadSanitizer does not see a QThread's end as a join: Qt's wait()
// synchronises through its own futex-based mutex, which TSan does not
// instrument, so everything the thread did would look racy against what
// follows wait(). A thread calls threadEnds(token) as its last act and the
// waiter calls threadJoined(token) after wait(): TSan then orders the two as
// pthread_join would. Both compile to nothing without TSan.

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace mss {

inline void threadEnds([[maybe_unused]] void* token) {
#if defined(__SANITIZE_THREAD__)
    __tsan_release(token);
#endif
}

inline void threadJoined([[maybe_unused]] void* token) {
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(token);
#endif
}

} // namespace mss
