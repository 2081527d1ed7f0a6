// Gives an ONNX model's first input a fixed shape, so that OpenCV 4.6's ONNX importer,
// which refuses a Shape node over a dynamic shape, can load PaddleOCR's exports.
// Usage: node fix_input_shape.js IN.onnx OUT.onnx 1,3,48,960
// Why a copy per width: OpenCV 4.6 resolves every shape at load time; a recogniser line
// is padded (as PaddleOCR does) to the width of the copy it goes through.
'use strict';
const fs = require('fs');
const path = require('path');
const {onnx} = require(path.join(process.env.JAE_DNN_CACHE || '.', 'node_modules', 'onnx-proto'));

const [input, output, shapeText] = process.argv.slice(2);
if (!input || !output || !shapeText) {
  console.error('usage: node fix_input_shape.js IN.onnx OUT.onnx N,C,H,W');
  process.exit(2);
}
const shape = shapeText.split(',').map(Number);
const model = onnx.ModelProto.decode(fs.readFileSync(input));
const initializers = new Set(model.graph.initializer.map((t) => t.name));
const first = model.graph.input.find((i) => !initializers.has(i.name));
const dims = first.type.tensorType.shape.dim;
if (dims.length !== shape.length) {
  console.error(`input ${first.name} has ${dims.length} dimensions, not ${shape.length}`);
  process.exit(1);
}
dims.forEach((d, k) => {
  d.dimValue = shape[k];
  d.dimParam = undefined;
  delete d.dimParam;
});
// OpenCV 4.6 turns an elementwise Add/Mul/Sub/Div of a variable [1, S, C] and a
// constant [C] (layer-norm scales, linear biases) into a Scale layer that broadcasts
// along the wrong axis and fails; a constant of the variable's full shape becomes a
// plain elementwise layer instead. S is the sequence length, `seq` (width / 8 for PP-OCR).
const seq = Number(process.argv[5] || 0);
if (seq > 0) {
  // Weights are initializers or (Paddle2ONNX) Constant nodes.
  const byName = new Map(model.graph.initializer.map((t) => [t.name, t]));
  for (const node of model.graph.node) {
    if (node.opType !== 'Constant') continue;
    const value = node.attribute.find((a) => a.name === 'value');
    if (value && value.t) byName.set(node.output[0], value.t);
  }
  const done = new Set();
  let tiled = 0;
  for (const node of model.graph.node) {
    if (!['Add', 'Mul', 'Sub', 'Div'].includes(node.opType)) continue;
    for (const name of node.input) {
      const t = byName.get(name);
      if (!t || done.has(name) || t.dims.length !== 1 || Number(String(t.dims[0])) <= 1) continue;
      if (t.dataType !== 1) throw new Error(`${name}: not float`);
      const c = Number(String(t.dims[0]));
      const src = t.floatData.length ? Float32Array.from(t.floatData)
          : new Float32Array(t.rawData.buffer.slice(t.rawData.byteOffset, t.rawData.byteOffset + 4 * c));
      const out = new Float32Array(seq * c);
      for (let s = 0; s < seq; ++s) out.set(src, s * c);
      t.dims = [1, seq, c];
      t.floatData = [];
      t.rawData = new Uint8Array(out.buffer);
      done.add(name);
      ++tiled;
    }
  }
  console.log(`${tiled} constants tiled to [1, ${seq}, C]`);
}
fs.writeFileSync(output, onnx.ModelProto.encode(model).finish());
console.log(`${path.basename(output)}: input ${first.name} fixed to ${shape.join('x')}`);
