# Fuzz targets: each is one file defining LLVMFuzzerTestOneInput (and optionally
# LLVMFuzzerInitialize). With clang and HUES_LIBFUZZER=ON (CC=clang CXX=clang++) they become real
# libFuzzer binaries; otherwise (gcc, CI) they link fuzz/FuzzDriver.cpp, which replays the
# seed corpus and a fixed number of deterministic mutations of it, and run as a ctest (under
# the ASan preset too, so every mutation is sanitizer-checked).
option(HUES_LIBFUZZER "Build fuzz targets as libFuzzer binaries (clang only)" OFF)

if(HUES_LIBFUZZER)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "HUES_LIBFUZZER needs clang (CC=clang CXX=clang++)")
  endif()
  # libFuzzer steers by the coverage of the code under test, which lives in the libraries the
  # targets link (hues_vietqr, hues_alerts_codec, ...), not in the target's one file: every
  # target of this build gets the coverage instrumentation and the sanitizers; only the fuzz
  # executables link libFuzzer itself (its main()).
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# hues_add_fuzz_target(NAME <name> SOURCES <files...> LIBS <targets...>
#                      CORPUS <dir> [RUNS <mutations per seed>])
function(hues_add_fuzz_target)
  cmake_parse_arguments(FUZZ "" "NAME;CORPUS;RUNS" "SOURCES;LIBS" ${ARGN})
  if(NOT FUZZ_RUNS)
    set(FUZZ_RUNS 500)
  endif()
  add_executable(${FUZZ_NAME} ${FUZZ_SOURCES})
  target_link_libraries(${FUZZ_NAME} PRIVATE ${FUZZ_LIBS})
  hues_target_defaults(${FUZZ_NAME})
  if(HUES_LIBFUZZER)
    target_link_options(${FUZZ_NAME} PRIVATE -fsanitize=fuzzer)
  else()
    target_sources(${FUZZ_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/fuzz/FuzzDriver.cpp)
    add_test(NAME ${FUZZ_NAME}
             COMMAND ${FUZZ_NAME} -runs=${FUZZ_RUNS} ${FUZZ_CORPUS})
    set_tests_properties(${FUZZ_NAME} PROPERTIES LABELS fuzz TIMEOUT 300)
  endif()
endfunction()
