package io.wcsettle.his.platform.profile;

/** The value types of the interface tables and how each travels in JSON. */
public enum FieldType {
    /** 字符型: a JSON string; empty is {@code ""}. */
    STRING,
    /** 数值型: a JSON number within the table's precision and scale; empty is {@code 0}. */
    NUMBER,
    /** 数字型: a JSON integer (Hunan V1.2 for {@code feedetl_sn}: digits only, never 0, at most 15 digits). */
    DIGITS,
    /** 日期型: a JSON string {@code yyyy-MM-dd}; empty is {@code ""}. */
    DATE,
    /** 日期时间型: a JSON string {@code yyyy-MM-dd HH:mm:ss}; empty is {@code ""}. */
    DATETIME
}
