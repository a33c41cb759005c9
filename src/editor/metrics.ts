/**
 * Type metrics shared by the editor and the static code shown before it
 * loads: with the same font size, line height and padding, the editor
 * replaces the static code without anything on the page moving.
 */
export const FONT_SIZE_PX = 14;
export const LINE_HEIGHT_PX = 21;
export const EDITOR_PADDING_PX = 12;
