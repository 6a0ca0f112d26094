#pragma once
// Pages and API of assessments (docs/assessments.md, docs/api/openapi.yaml):
//   /danh-gia                              rounds; create one (coordinator)
//   /danh-gia/moi                          the new-round form
//   /danh-gia/bo-tieu-chi                  criteria sets: list, import (JSON or XLSX)
//   /danh-gia/bo-tieu-chi/{id}             a set version's tree (?dinh-dang=json|xlsx)
//   /danh-gia/{code}                       a round: levels, participants and their state, ranking;
//                                          the coordinator's extensions, appraisers, components, publication
//   /danh-gia/{code}/ket-qua.xlsx          the results workbook
//   /danh-gia/{code}/phu-luc.docx          the annex to the approving decision (Decree 30 layout)
//   /danh-gia/{code}/diem-bi-mat           points at risk: lost per criterion and area, over-claims
//   /danh-gia/{code}/don-vi/{unit}         a unit's self-assessment: the form (autosaved draft), evidence,
//                                          submission (the unit leader), appraisal, the unit's answer
//   /danh-gia/tep/{file}                   an evidence file, as a download
//   /xep-hang, /xep-hang/{code}            the public rankings of published rounds
//   /api/v1/assessments, /api/v1/assessments/{code}, /api/v1/assessments/{code}/units/{unit}
#include "assessments/sources.h"
#include "db/database.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "views/layout.h"

namespace cchc::assessments {

// The public rankings are served from `pages` under the "assessments" and
// "units" data stamps.
void add_routes(http::Router& router, views::Layout& layout, db::Database& db, Sources sources, http::PageCache& pages);

}  // namespace cchc::assessments
