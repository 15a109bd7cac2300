/** How one field of a webservice resource looks on the wire. */
export interface FieldSchema {
  readonly name: string;
  /** JSON type in an 8.1.2 list answer: ids and counters are numbers, amounts and flags strings. */
  readonly type: 'int' | 'str' | 'null' | 'bool';
  /** Neutral value when the record does not set the field. */
  readonly default: string | number | null | boolean;
  /** Resource the XML `xlink:href` attribute points to. */
  readonly href?: string;
  readonly notFilterable?: boolean;
  /** Multilingual field (`<language id="1">` in XML). */
  readonly i18n?: boolean;
}

export interface AssociationFieldSchema {
  readonly name: string;
  readonly type: 'int' | 'str' | 'null' | 'bool';
  readonly href?: string;
}

export interface AssociationSchema {
  readonly name: string;
  readonly nodeType: string;
  readonly api?: string;
  readonly virtualEntity?: boolean;
  /** Each item carries `xlink:href` to `api/<id>`. */
  readonly itemHref: boolean;
  readonly fields: readonly AssociationFieldSchema[];
}

export interface ResourceSchema {
  readonly fields: readonly FieldSchema[];
  readonly associations: readonly AssociationSchema[];
}
