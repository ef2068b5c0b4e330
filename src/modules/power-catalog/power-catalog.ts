// The power catalog (职权目录) and service guides (办事指南, each with its workflow 办事流程),
// and the yearly figures of table 二 (国办公开办函〔2021〕30号, docs/domain/annual-report.md#table-2):
// 第二十条第（五）项 行政许可 and 第（六）项 行政处罚 / 行政强制 count decisions (本年处理决定数量);
// 第（八）项 行政事业性收费 is an amount in 万元 (a decimal).
import type { FormSpec } from '../../platform/form.ts';

/** 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他. */
export const powerTypes = [
  'licence',
  'penalty',
  'coercion',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other',
] as const;
export type PowerType = (typeof powerTypes)[number];

export const powerTypeZh: Readonly<Record<PowerType, string>> = {
  licence: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他',
};

/**
 * The Art. 20 item under which the entry is published: 第（五）项 licences and other external
 * management and services, 第（六）项 penalties and coercion.
 */
export function art20ItemOf(type: PowerType): number {
  return type === 'penalty' || type === 'coercion' ? 6 : 5;
}

/** The publishing categories that carry the two catalogs through the workflow. */
export const POWER_CATEGORY = 'power_catalog';
export const GUIDE_CATEGORY = 'service_guide';

export const figureKinds = ['licence', 'penalty', 'coercion', 'fee'] as const;
export type FigureKind = (typeof figureKinds)[number];

export const powerItemForm = {
  code: { kind: 'text', label: 'power.field.code', required: true, max: 40 },
  name: { kind: 'text', label: 'power.field.name', required: true, max: 200 },
  power_type: { kind: 'choice', label: 'power.field.power_type', required: true, choices: powerTypes },
  legal_basis: { kind: 'text', label: 'power.field.legal_basis', required: true, max: 4000 },
  responsible_unit_id: { kind: 'int', label: 'power.field.responsible_unit', required: true },
  formation_date: { kind: 'date', label: 'power.field.formation_date', required: true },
} as const satisfies FormSpec;

export const serviceGuideForm = {
  name: { kind: 'text', label: 'guide.field.name', required: true, max: 200 },
  power_item_id: { kind: 'int', label: 'guide.field.power_item' },
  conditions: { kind: 'text', label: 'guide.field.conditions', required: true, max: 4000 },
  materials: { kind: 'text', label: 'guide.field.materials', required: true, max: 4000 },
  steps: { kind: 'text', label: 'guide.field.steps', required: true, max: 4000 },
  time_limit: { kind: 'text', label: 'guide.field.time_limit', required: true, max: 200 },
  fees: { kind: 'text', label: 'guide.field.fees', required: true, max: 500 },
  place: { kind: 'text', label: 'guide.field.place', required: true, max: 300 },
  hours: { kind: 'text', label: 'guide.field.hours', required: true, max: 200 },
  phone: { kind: 'phone', label: 'guide.field.phone', required: true, max: 40 },
  responsible_unit_id: { kind: 'int', label: 'guide.field.responsible_unit', required: true },
  formation_date: { kind: 'date', label: 'guide.field.formation_date', required: true },
} as const satisfies FormSpec;

const changeNote = { kind: 'text', label: 'pub.field.change_note', required: true, max: 2000 } as const;

/** A published correction of a power: its content and the public change note. */
export const powerCorrectionForm = {
  change_note: changeNote,
  code: powerItemForm.code,
  name: powerItemForm.name,
  power_type: powerItemForm.power_type,
  legal_basis: powerItemForm.legal_basis,
} as const satisfies FormSpec;

export const guideCorrectionForm = {
  change_note: changeNote,
  name: serviceGuideForm.name,
  power_item_id: serviceGuideForm.power_item_id,
  conditions: serviceGuideForm.conditions,
  materials: serviceGuideForm.materials,
  steps: serviceGuideForm.steps,
  time_limit: serviceGuideForm.time_limit,
  fees: serviceGuideForm.fees,
  place: serviceGuideForm.place,
  hours: serviceGuideForm.hours,
  phone: serviceGuideForm.phone,
} as const satisfies FormSpec;

export const figureForm = {
  year: { kind: 'int', label: 'figures.field.year', required: true },
  licence: { kind: 'int', label: 'figures.kind.licence' },
  penalty: { kind: 'int', label: 'figures.kind.penalty' },
  coercion: { kind: 'int', label: 'figures.kind.coercion' },
  fee: { kind: 'text', label: 'figures.kind.fee', max: 20 },
} as const satisfies FormSpec;

/** 万元 with up to 6 decimals (whole fen) → fen; null when not a non-negative amount. */
export function tenThousandYuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!m) return null;
  const decimals = (m[2] ?? '').padEnd(6, '0');
  return Number(m[1]) * 1_000_000 + Number(decimals);
}

export function fenToTenThousandYuan(fen: number): number {
  return fen / 1_000_000;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function lines(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => `<li>${esc(l.trim())}</li>`)
    .join('');
}

/** The published text of a power item: what the portal shows and the guard scans. */
export function powerItemBody(p: {
  code: string;
  name: string;
  power_type: PowerType;
  legal_basis: string;
  unitName: string;
}): string {
  return `<table><tbody><tr><th>编码</th><td>${esc(p.code)}</td></tr><tr><th>职权名称</th><td>${esc(p.name)}</td></tr><tr><th>职权类型</th><td>${powerTypeZh[p.power_type]}</td></tr><tr><th>实施依据</th><td>${esc(p.legal_basis)}</td></tr><tr><th>责任科室</th><td>${esc(p.unitName)}</td></tr></tbody></table>`;
}

export interface GuideFields {
  name: string;
  conditions: string;
  materials: string;
  steps: string;
  time_limit: string;
  fees: string;
  place: string;
  hours: string;
  phone: string;
}

export function serviceGuideBody(g: GuideFields & { unitName: string }): string {
  return [
    `<h2>办理条件</h2><ul>${lines(g.conditions)}</ul>`,
    `<h2>申请材料</h2><ul>${lines(g.materials)}</ul>`,
    `<h2>办理流程</h2><ol>${lines(g.steps)}</ol>`,
    `<h2>办理时限</h2><p>${esc(g.time_limit)}</p>`,
    `<h2>收费标准</h2><p>${esc(g.fees)}</p>`,
    `<h2>办理地点与时间</h2><p>${esc(g.place)}；${esc(g.hours)}</p>`,
    `<h2>咨询电话</h2><p>${esc(g.phone)}（${esc(g.unitName)}）</p>`,
  ].join('');
}
