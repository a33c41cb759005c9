export { renderTimeline, type TimelineHandle, type TimelineOptions } from './render-timeline.ts';
