# mss_add_subdirectories(): adds every direct subfolder that holds a
# CMakeLists.txt, in name order. Each folder of code is one target and links
# its dependencies by name, so the order does not matter, and a new folder
# needs no edit here.
function(mss_add_subdirectories)
    file(GLOB lists RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} CONFIGURE_DEPENDS
         ${CMAKE_CURRENT_SOURCE_DIR}/*/CMakeLists.txt)
    list(SORT lists)
    foreach(list IN LISTS lists)
        get_filename_component(dir ${list} DIRECTORY)
        add_subdirectory(${dir})
    endforeach()
endfunction()
