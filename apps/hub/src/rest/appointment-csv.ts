/** Column names of a provincial booking batch, English or Chinese, to the import's field names. */
const COLUMNS: Record<string, string> = {
  code: 'code',
  预约码: 'code',
  预约号: 'code',
  serviceid: 'serviceId',
  事项编码: 'serviceId',
  事项: 'serviceId',
  day: 'day',
  date: 'day',
  日期: 'day',
  预约日期: 'day',
  start: 'start',
  开始时间: 'start',
  end: 'end',
  结束时间: 'end',
  name: 'name',
  姓名: 'name',
  phone: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  idcard: 'idCard',
  身份证号: 'idCard',
  身份证号码: 'idCard',
};

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
function records(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

/**
 * A CSV batch as import items: the header row names the columns (code, serviceId, day, start, end, name,
 * phone, idCard, or their Chinese names); empty cells are left out. A header naming no known column is an error.
 */
export function csvItems(text: string): { items: Record<string, string>[] } | { error: string } {
  const [header, ...rows] = records(text.replace(/^\uFEFF/, ''));
  if (header === undefined) return { error: 'CSV 为空 / the CSV is empty' };
  const keys = header.map((h) => COLUMNS[h.trim().toLowerCase()] ?? COLUMNS[h.trim()] ?? null);
  if (!keys.includes('code') || !keys.includes('serviceId'))
    return { error: 'CSV 首行须含 预约码(code) 与 事项编码(serviceId) 列 / the header must name code and serviceId' };
  return {
    items: rows.map((cells) => {
      const item: Record<string, string> = {};
      keys.forEach((k, i) => {
        const v = cells[i]?.trim() ?? '';
        if (k !== null && v !== '') item[k] = v;
      });
      return item;
    }),
  };
}
