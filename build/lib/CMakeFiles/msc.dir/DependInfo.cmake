
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/lib/kpi/cells.c" "lib/CMakeFiles/msc.dir/kpi/cells.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/cells.c.o.d"
  "/work/main/lib/kpi/csat_net.c" "lib/CMakeFiles/msc.dir/kpi/csat_net.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/csat_net.c.o.d"
  "/work/main/lib/kpi/csat_positive.c" "lib/CMakeFiles/msc.dir/kpi/csat_positive.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/csat_positive.c.o.d"
  "/work/main/lib/kpi/effective_rate.c" "lib/CMakeFiles/msc.dir/kpi/effective_rate.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/effective_rate.c.o.d"
  "/work/main/lib/kpi/escalation_rate.c" "lib/CMakeFiles/msc.dir/kpi/escalation_rate.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/escalation_rate.c.o.d"
  "/work/main/lib/kpi/est_vs_actual.c" "lib/CMakeFiles/msc.dir/kpi/est_vs_actual.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/est_vs_actual.c.o.d"
  "/work/main/lib/kpi/fcr.c" "lib/CMakeFiles/msc.dir/kpi/fcr.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/fcr.c.o.d"
  "/work/main/lib/kpi/hours.c" "lib/CMakeFiles/msc.dir/kpi/hours.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/hours.c.o.d"
  "/work/main/lib/kpi/kpi.c" "lib/CMakeFiles/msc.dir/kpi/kpi.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/kpi.c.o.d"
  "/work/main/lib/kpi/labor_cost.c" "lib/CMakeFiles/msc.dir/kpi/labor_cost.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/labor_cost.c.o.d"
  "/work/main/lib/kpi/margin.c" "lib/CMakeFiles/msc.dir/kpi/margin.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/margin.c.o.d"
  "/work/main/lib/kpi/mttr.c" "lib/CMakeFiles/msc.dir/kpi/mttr.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/mttr.c.o.d"
  "/work/main/lib/kpi/reactive_hours_per_endpoint.c" "lib/CMakeFiles/msc.dir/kpi/reactive_hours_per_endpoint.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/reactive_hours_per_endpoint.c.o.d"
  "/work/main/lib/kpi/realtime_entry.c" "lib/CMakeFiles/msc.dir/kpi/realtime_entry.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/realtime_entry.c.o.d"
  "/work/main/lib/kpi/registry.c" "lib/CMakeFiles/msc.dir/kpi/registry.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/registry.c.o.d"
  "/work/main/lib/kpi/reopen_rate.c" "lib/CMakeFiles/msc.dir/kpi/reopen_rate.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/reopen_rate.c.o.d"
  "/work/main/lib/kpi/revenue.c" "lib/CMakeFiles/msc.dir/kpi/revenue.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/revenue.c.o.d"
  "/work/main/lib/kpi/sla_completion.c" "lib/CMakeFiles/msc.dir/kpi/sla_completion.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/sla_completion.c.o.d"
  "/work/main/lib/kpi/sla_engagement.c" "lib/CMakeFiles/msc.dir/kpi/sla_engagement.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/sla_engagement.c.o.d"
  "/work/main/lib/kpi/sla_triage.c" "lib/CMakeFiles/msc.dir/kpi/sla_triage.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/sla_triage.c.o.d"
  "/work/main/lib/kpi/survey_score.c" "lib/CMakeFiles/msc.dir/kpi/survey_score.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/survey_score.c.o.d"
  "/work/main/lib/kpi/tech_score.c" "lib/CMakeFiles/msc.dir/kpi/tech_score.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/tech_score.c.o.d"
  "/work/main/lib/kpi/tickets_per_endpoint.c" "lib/CMakeFiles/msc.dir/kpi/tickets_per_endpoint.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/tickets_per_endpoint.c.o.d"
  "/work/main/lib/kpi/utilization.c" "lib/CMakeFiles/msc.dir/kpi/utilization.c.o" "gcc" "lib/CMakeFiles/msc.dir/kpi/utilization.c.o.d"
  "/work/main/lib/model/dq.c" "lib/CMakeFiles/msc.dir/model/dq.c.o" "gcc" "lib/CMakeFiles/msc.dir/model/dq.c.o.d"
  "/work/main/lib/model/load.c" "lib/CMakeFiles/msc.dir/model/load.c.o" "gcc" "lib/CMakeFiles/msc.dir/model/load.c.o.d"
  "/work/main/lib/model/model.c" "lib/CMakeFiles/msc.dir/model/model.c.o" "gcc" "lib/CMakeFiles/msc.dir/model/model.c.o.d"
  "/work/main/lib/model/period.c" "lib/CMakeFiles/msc.dir/model/period.c.o" "gcc" "lib/CMakeFiles/msc.dir/model/period.c.o.d"
  "/work/main/lib/model/settings.c" "lib/CMakeFiles/msc.dir/model/settings.c.o" "gcc" "lib/CMakeFiles/msc.dir/model/settings.c.o.d"
  "/work/main/lib/read/csvread.c" "lib/CMakeFiles/msc.dir/read/csvread.c.o" "gcc" "lib/CMakeFiles/msc.dir/read/csvread.c.o.d"
  "/work/main/lib/read/field.c" "lib/CMakeFiles/msc.dir/read/field.c.o" "gcc" "lib/CMakeFiles/msc.dir/read/field.c.o.d"
  "/work/main/lib/report/report.c" "lib/CMakeFiles/msc.dir/report/report.c.o" "gcc" "lib/CMakeFiles/msc.dir/report/report.c.o.d"
  "/work/main/lib/run.c" "lib/CMakeFiles/msc.dir/run.c.o" "gcc" "lib/CMakeFiles/msc.dir/run.c.o.d"
  "/work/main/lib/util/arena.c" "lib/CMakeFiles/msc.dir/util/arena.c.o" "gcc" "lib/CMakeFiles/msc.dir/util/arena.c.o.d"
  "/work/main/lib/util/error.c" "lib/CMakeFiles/msc.dir/util/error.c.o" "gcc" "lib/CMakeFiles/msc.dir/util/error.c.o.d"
  "/work/main/lib/util/mem.c" "lib/CMakeFiles/msc.dir/util/mem.c.o" "gcc" "lib/CMakeFiles/msc.dir/util/mem.c.o.d"
  "/work/main/lib/util/names.c" "lib/CMakeFiles/msc.dir/util/names.c.o" "gcc" "lib/CMakeFiles/msc.dir/util/names.c.o.d"
  "/work/main/lib/write/output.c" "lib/CMakeFiles/msc.dir/write/output.c.o" "gcc" "lib/CMakeFiles/msc.dir/write/output.c.o.d"
  "/work/main/lib/write/table.c" "lib/CMakeFiles/msc.dir/write/table.c.o" "gcc" "lib/CMakeFiles/msc.dir/write/table.c.o.d"
  "/work/main/lib/write/xlsx.c" "lib/CMakeFiles/msc.dir/write/xlsx.c.o" "gcc" "lib/CMakeFiles/msc.dir/write/xlsx.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
