export { renderTimeline, type TimelineHandle, type TimelineOptions } from './render-timeline.ts';
export { layoutTimeline, type TimelineLayout } from './timeline-layout.ts';
