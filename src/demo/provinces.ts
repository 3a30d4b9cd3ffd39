/**
 * Rough, rounded figures per province used only to shape synthetic demo values so that they
 * look plausible (denser Java, higher poverty in the east). Not official statistics.
 * code → [population in millions (rounded), development score 0–1].
 */
// biome-ignore format: a table reads better in rows
export const PROVINCE_SHAPE: Readonly<Record<string, readonly [number, number]>> = {
  '11': [5.4, 0.45], '12': [15.1, 0.5], '13': [5.6, 0.55], '14': [6.6, 0.6], '15': [3.6, 0.5],
  '16': [8.7, 0.45], '17': [2.1, 0.4], '18': [9.2, 0.45], '19': [1.5, 0.6], '21': [2.1, 0.75],
  '31': [10.7, 1.0], '32': [49.9, 0.65], '33': [37.5, 0.55], '34': [3.7, 0.8], '35': [41.6, 0.6],
  '36': [12.3, 0.65], '51': [4.4, 0.8], '52': [5.5, 0.35], '53': [5.6, 0.15], '61': [5.5, 0.35],
  '62': [2.7, 0.45], '63': [4.2, 0.5], '64': [3.9, 0.8], '65': [0.7, 0.6], '71': [2.7, 0.65],
  '72': [3.1, 0.35], '73': [9.3, 0.55], '74': [2.7, 0.4], '75': [1.2, 0.3], '76': [1.5, 0.3],
  '81': [1.9, 0.2], '82': [1.3, 0.35], '91': [1.1, 0.2], '92': [0.6, 0.15], '93': [0.5, 0.12],
  '94': [1.4, 0.08], '95': [1.4, 0.05], '96': [0.6, 0.18],
};
