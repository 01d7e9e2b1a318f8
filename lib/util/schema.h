/*
 * schema.h: the canonical input files and their fields (data-model.md).
 *
 * Every layer names files and fields the same way: the reader maps headers
 * to them (read/profile.h), the loader fills records from them, a KPI
 * module's `needs` names them, the writers list them.
 */
#ifndef MSC_UTIL_SCHEMA_H
#define MSC_UTIL_SCHEMA_H

enum msc_file {
    MSC_FILE_TICKETS = 0, MSC_FILE_TIME, MSC_FILE_SURVEYS, MSC_FILE_CLIENTS, MSC_FILE_RESOURCES,
    MSC_FILE_COUNT
};

/* The canonical file name of each kind ("tickets.csv", ...). */
extern const char *const msc_file_names[MSC_FILE_COUNT];

/* Canonical fields of each file, in the order of the name tables below.
 * Every field of data-model.md is one, so that a map may name any of them;
 * those no KPI reads yet (title, queue, agreement, email ...) are mapped
 * and reported as found, and otherwise left alone. */
enum { MSC_T_ID, MSC_T_NUMBER, MSC_T_CREATED, MSC_T_CLIENT, MSC_T_TYPE, MSC_T_RESOURCE,
       MSC_T_FR_DUE, MSC_T_FR, MSC_T_RP_DUE, MSC_T_RP, MSC_T_RES_DUE, MSC_T_RES, MSC_T_COMPLETED,
       MSC_T_ESTIMATE, MSC_T_ESCALATIONS, MSC_T_REOPENS, MSC_T_FR_MET, MSC_T_RP_MET, MSC_T_RES_MET,
       MSC_T_SLA_EXCLUDED, MSC_T_TITLE, MSC_T_QUEUE, MSC_T_PRIORITY, MSC_T_STATUS, MSC_T_COUNT };
enum { MSC_E_TICKET, MSC_E_RESOURCE, MSC_E_START, MSC_E_END, MSC_E_DATE, MSC_E_HOURS,
       MSC_E_BILLED, MSC_E_BILLABLE, MSC_E_NON_BILLABLE, MSC_E_TYPE, MSC_E_CLIENT, MSC_E_ENTERED,
       MSC_E_ID, MSC_E_COUNT };
enum { MSC_S_TICKET, MSC_S_RESOURCE, MSC_S_CLIENT, MSC_S_RECEIVED, MSC_S_SCORE, MSC_S_SCALE,
       MSC_S_ID, MSC_S_COUNT };
enum { MSC_C_CLIENT, MSC_C_ENDPOINTS, MSC_C_REVENUE, MSC_C_MONTH, MSC_C_AGREEMENT, MSC_C_INCLUDED,
       MSC_C_COUNT };
enum { MSC_R_RESOURCE, MSC_R_WEEKLY, MSC_R_COST, MSC_R_START, MSC_R_END, MSC_R_INCLUDE,
       MSC_R_TEAM, MSC_R_EMAIL, MSC_R_PAY, MSC_R_COUNT };

#define MSC_MAX_FIELDS 24

extern const char *const *const msc_field_names[MSC_FILE_COUNT]; /* NULL-terminated */
extern const int msc_field_count[MSC_FILE_COUNT];

/* The index of "tickets.csv"-style file name, or of a canonical field of
 * a file by name; -1 when there is none. */
int msc_schema_file(const char *name);
int msc_schema_field(int file, const char *name);

#endif
