# The layers of src/ as libraries (docs/ARCHITECTURE.md, "Layers").
#
#   cchc_layer(NAME [LAYERS layer…] [LIBS target…] [SOURCES file…])
#     builds src/NAME/**/*.cpp (and SOURCES) as the static library cchc_NAME,
#     linking cchc_LAYER for each LAYERS (publicly: a layer's headers may show
#     the types of the layers below it) and the system libraries LIBS.
#   cchc_check_layers()
#     after every layer: a build step (run whenever a source or header of
#     src/ changes, before any layer compiles) that fails when a file of a
#     layer includes a header of a layer it does not name in LAYERS: the
#     back-edge a shared GLOB of sources used to hide.

set_property(GLOBAL PROPERTY CCHC_LAYERS "")

function(cchc_layer name)
  cmake_parse_arguments(L "" "" "LAYERS;LIBS;SOURCES" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${name}/*.cpp)
  add_library(cchc_${name} STATIC ${sources} ${L_SOURCES})
  target_include_directories(cchc_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  foreach(layer IN LISTS L_LAYERS)
    target_link_libraries(cchc_${name} PUBLIC cchc_${layer})
  endforeach()
  if(L_LIBS)
    target_link_libraries(cchc_${name} PUBLIC ${L_LIBS})
  endif()
  string(REPLACE ";" "," allowed "${L_LAYERS}")
  set_property(GLOBAL APPEND PROPERTY CCHC_LAYERS "${name}:${allowed}")
endfunction()

function(cchc_check_layers)
  get_property(layers GLOBAL PROPERTY CCHC_LAYERS)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/*.cpp ${CMAKE_SOURCE_DIR}/src/*.h)
  set(stamp ${CMAKE_BINARY_DIR}/layers.checked)
  string(REPLACE ";" "+" spec "${layers}")
  add_custom_command(OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR}/src "-DLAYERS=${spec}" -DSTAMP=${stamp}
            -P ${CMAKE_SOURCE_DIR}/cmake/check_layers.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/check_layers.cmake
    COMMENT "Checking that each layer includes only the layers it links" VERBATIM)
  add_custom_target(cchc_layers_checked DEPENDS ${stamp})
  foreach(entry IN LISTS layers)
    string(REGEX REPLACE ":.*" "" name "${entry}")
    add_dependencies(cchc_${name} cchc_layers_checked)
  endforeach()
endfunction()
