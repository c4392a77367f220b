/** A feature vector that stores only its non-zero entries: `values[i]` is the value of feature `indices[i]`. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}
