/** A hyperparameter's value as every layer passes it: a leaf module, so none of them imports another for it. */
export type HyperParameterValue = number | string | boolean;
