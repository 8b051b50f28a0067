// Popup content of <langso-map>: the attributes of a clicked feature or commune, with labels in the page language.
// Everything is written as text (textContent), never as HTML, because the values come from user-supplied data.

/** Properties that the popup shows in its own rows, or never. */
const OWN_ROW_PROPERTIES = new Set(['layer', 'name', 'name_folded', 'commune_code', 'commune_name', 'address', 'attributes', 'links']);

/** Timestamps as the API writes them (ISO 8601 with a time); shown in the browser's time zone. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Builds the popup content for features of one layer (several when they share one position).
 *
 * @param labels texts keyed as in translations_*.properties without the "map." prefix
 */
export function featureContent(features, layerTitle, labels, lang) {
  const nodes = [element('div', 'langso-popup-layer', layerTitle)];
  for (const feature of features) {
    const properties = feature.getProperties();
    nodes.push(element('div', 'langso-popup-name', properties.name ?? ''));

    const rows = [
      [label(labels, 'commune'), properties.commune_name ?? properties.commune_code],
      [label(labels, 'address'), properties.address],
    ];
    for (const [key, value] of Object.entries(properties)) {
      if (!OWN_ROW_PROPERTIES.has(key) && key !== feature.getGeometryName()) {
        rows.push([attributeLabel(labels, key), value]);
      }
    }
    for (const [key, value] of Object.entries(properties.attributes ?? {})) {
      rows.push([attributeLabel(labels, key), value]);
    }
    nodes.push(table(rows, labels, lang));
  }
  return nodes;
}

/** Builds the popup content for a commune of the base map. */
export function communeContent(commune, labels, lang) {
  return [
    element('div', 'langso-popup-layer', label(labels, 'communeLayer')),
    element('div', 'langso-popup-name', commune.get('name') ?? ''),
    table([
      [label(labels, 'unitType'), commune.get('unit_type')],
      [label(labels, 'communeCode'), commune.get('code')],
    ], labels, lang),
  ];
}

export function label(labels, key) {
  return labels[key] ?? key;
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  node.textContent = text ?? '';
  return node;
}

/** Builds the attribute table, skipping empty values. */
function table(rows, labels, lang) {
  const result = document.createElement('table');
  for (const [rowLabel, value] of rows) {
    if (value === null || value === undefined || value === '') {
      continue;
    }
    const row = result.insertRow();
    row.appendChild(element('th', null, rowLabel));
    row.appendChild(element('td', null, formatValue(value, labels, lang)));
  }
  return result;
}

function formatValue(value, labels, lang) {
  if (typeof value === 'boolean') {
    return label(labels, value ? 'yes' : 'no');
  }
  if (typeof value === 'number') {
    return value.toLocaleString(lang === 'en' ? 'en' : 'vi');
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  if (ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) {
    return new Date(value).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', {
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
  }
  return labels[`value.${value}`] ?? String(value);
}

function attributeLabel(labels, key) {
  return labels[`attribute.${key}`] ?? key;
}
