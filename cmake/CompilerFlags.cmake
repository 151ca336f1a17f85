# Warnings and hardening applied to every target of the project (not to Qt's
# headers, which CMake includes as system headers).
add_compile_options(
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wshadow -Wnon-virtual-dtor
    -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
    -fstack-protector-strong -fstack-clash-protection -fcf-protection
    -D_GLIBCXX_ASSERTIONS)

if(MSS_WERROR)
    add_compile_options(-Werror)
endif()

# _FORTIFY_SOURCE needs optimisation; sanitizer builds run without it.
if(NOT MSS_SANITIZE AND NOT MSS_TSAN)
    add_compile_options($<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
endif()

set(CMAKE_POSITION_INDEPENDENT_CODE ON)
include(CheckPIESupported)
check_pie_supported()
add_link_options(-Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)

if(MSS_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# The reminder sender and the WAL checkpointer run on threads of their own
# (scripts/tsan runs the server's and the reminders' tests under it).
if(MSS_TSAN)
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
endif()

add_compile_definitions(
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS)
